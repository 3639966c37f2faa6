package dev.aipcbench.benchmarks.jmh;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.results.Workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything one cell's forks need, handed from the host to each fork as one JSON file
 * ({@code -Daipcbench.cell=FILE}) and read back with the same mapper: what to open, how, and where the fork
 * reports ({@link ForkRecord}s in {@code forkRecords}, the agreement probe's outputs in {@code outputs}).
 * The matrix runner leaves it in the cell's logs, so a cell can be run again by hand:
 * {@code java -Daipcbench.cell=logs/CELL.cell.json -cp aipc-bench.jar org.openjdk.jmh.Main GenerateBenchmark}.
 *
 * @param kvCapacity tokens the KV cache must hold for this workload (prompt + generated, depth + 1, ...)
 * @param model      the model folder; for a characterise cell, its matmul probe's folder
 * @param probes     what a characterise cell reads (null for token cells)
 */
public record CellSpec(String cell, String runtime, String device, String model, Workload workload, int threads,
                       String optimization, String sampling, Map<String, String> providerOptions, int kvCapacity,
                       String forkRecords, String outputs, Probes probes) {

    /**
     * The characterise cell's read probe.
     *
     * @param readBytes the buffer's size
     * @param readGraph on an accelerator, the folder of the reduction its runtime runs there; null on the cpu,
     *                  which the fork's own threads read
     */
    public record Probes(long readBytes, String readGraph) {
    }

    /** The system property naming the cell's file in a fork. */
    public static final String PROPERTY = "aipcbench.cell";

    /** The one mapper of the fork-host channel (cell specs and fork records). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public CellSpec {
        providerOptions = providerOptions == null ? Map.of() : Map.copyOf(providerOptions);
    }

    /** The spec of the cell this fork runs. */
    public static CellSpec current() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("no cell to run: -D" + PROPERTY + "=FILE names the cell spec (the matrix runner writes one "
                    + "per cell into its results folder's logs/)");
        }
        try {
            return JSON.readValue(Path.of(file).toFile(), CellSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cell spec " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this));
    }

    /** The runtime session's settings, with a compile cache (null for none). */
    public SessionSettings settings(Path compileCache) {
        return new SessionSettings(Device.parse(device), threads, optimization, kvCapacity, providerOptions, compileCache, sampling);
    }
}
