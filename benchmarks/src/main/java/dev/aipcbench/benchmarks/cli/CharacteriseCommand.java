package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.benchmarks.matrix.MatrixRun;
import dev.aipcbench.harness.matrix.ProfileReader;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code run-bench characterise [--devices ...] [--threads ...] [--resume DIR] [--publish [URL]]}: only the characterise cells (read bandwidth,
 * matmul throughput per precision and runtime), into a results folder like any run's: the profile's layers
 * ({@code default.json}, the mini model's shape, {@code --profile}) with every token workload switched off and the sweep set.
 */
@Command(name = "characterise", mixinStandardHelpOptions = true,
        description = {"Measure what each device can do: memory read bandwidth and matmul throughput (M=1 GB/s, M=512 GFLOP/s)",
                "per precision and runtime, the ceilings token cells are placed against. No LLM is loaded."})
final class CharacteriseCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;
    @Spec CommandSpec spec;

    /**
     * The matmul probe's shape unless a profile says otherwise: Phi-3-mini's largest projection (gate_up, 3072 x 16384),
     * the weights a real decode step streams; the tiny model's fits in a cache and would measure the cache.
     */
    private static final ObjectNode MINI_SHAPE = Json.PLAIN.createObjectNode();

    static {
        MINI_SHAPE.putObject("model").putObject("synthetic").put("size", "mini");
    }

    @Option(names = "--profile", description = "Profile name (profiles/NAME.json) or file, applied over default.json and the mini "
            + "model's shape (its model sizes the matmul).")
    String profileName;

    @Option(names = "--out", description = "Results folder (default results/<timestamp>-<host>-characterise).")
    Path out;

    @Mixin CellSelectionOptions selection;

    @Option(names = "--threads", split = ",", description = "The cpu's thread counts (default: 1 to the physical cores).")
    List<Integer> threads;

    @Option(names = "--buffer-mib", description = "The read probe's buffer in MiB (default from the profile: 1024).")
    Integer bufferMib;

    @Option(names = "--forks", description = "JMH forks per probe.")
    Integer forks;

    @Option(names = "--iterations", description = "Measured iterations per fork.")
    Integer iterations;

    @Option(names = "--cache-dir", description = "Where the probe graphs are cached (default $AIPC_BENCH_CACHE or ~/.cache/aipc-bench/models).")
    Path cacheDir;

    @Option(names = "--no-report", description = "Do not write the report at the end.")
    boolean noReport;

    @Option(names = "--no-telemetry", description = "Record no device telemetry.")
    boolean noTelemetry;

    @Option(names = "--resume", description = "Continue the characterise run in this results folder, skipping probes that already ended.")
    Path resume;

    @Option(names = "--publish", paramLabel = "URL", arity = "0..1", fallbackValue = "",
            description = "When the run ends, publish it to the history store (--publish alone: the default SQLite file).")
    String publish;

    @Override
    public Integer call() throws Exception {
        List<String> commandLine = List.copyOf(spec.commandLine().getParseResult().originalArgs());
        if (resume != null) {
            return resume(commandLine);
        }
        ProfileReader reader = new ProfileReader(MatrixCommand.searchPath());
        List<ProfileReader.Layer> layers = new ArrayList<>();
        layers.add(reader.layer("default"));
        layers.add(ProfileReader.checked("characterise (Phi-3-mini's shape)", MINI_SHAPE));
        if (profileName != null) {
            layers.add(reader.layer(profileName));
        }
        layers.add(ProfileReader.checked("command line", flags()));
        String name = "characterise" + (profileName != null ? "+" + Path.of(profileName).getFileName().toString().replace(".json", "") : "");
        Path folder = out != null ? out : Path.of("results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + MatrixCommand.hostName() + "-characterise");
        return MatrixCommand.run(name, layers, folder, false, commandLine, cacheDir, noReport, publish, false);
    }

    /** Continues an interrupted characterise run in its own folder, with the profile it recorded. */
    private int resume(List<String> commandLine) throws Exception {
        if (profileName != null || out != null || selection.given() || threads != null || bufferMib != null || forks != null
                || iterations != null || noTelemetry) {
            throw new IllegalArgumentException("--resume continues a characterise run in its own folder with its own profile; give no --out,"
                    + " --profile or probe flags with it");
        }
        MatrixRun.refuseIfInUse(resume, "--resume");
        RunResults earlier = ResultsFolder.read(resume);
        if (!earlier.profileName().startsWith("characterise")) {
            throw new IllegalArgumentException("--resume " + resume + ": a " + earlier.profileName() + " run, not a characterise run;"
                    + " continue it with run-bench --resume " + resume);
        }
        return MatrixCommand.run(earlier.profileName(), List.of(MatrixCommand.storedProfile(earlier, resume)), resume, true, commandLine,
                cacheDir, noReport, publish, false);
    }

    /** The flags as a profile layer: no token workload, the characterise sweep (all physical cores unless --threads). */
    private ObjectNode flags() {
        ObjectMapper m = Json.PLAIN;
        ObjectNode o = m.createObjectNode();
        selection.into(o);
        ObjectNode w = o.putObject("workloads");
        w.putObject("generate").putArray("prompt_tokens");
        w.putObject("prefill").putArray("prompt_tokens");
        w.putObject("decode").putArray("context_depths");
        w.put("load", false);
        ObjectNode c = w.putObject("characterise");
        if (threads != null) {
            c.set("threads", m.valueToTree(threads));
        } else {
            c.put("threads", "physical_cores");
        }
        if (bufferMib != null) {
            c.put("buffer_mib", bufferMib);
        }
        if (forks != null || iterations != null) {
            ObjectNode jmh = o.putObject("jmh");
            if (forks != null) {
                jmh.put("forks", forks);
            }
            if (iterations != null) {
                jmh.put("iterations", iterations);
            }
        }
        if (noTelemetry) {
            o.putObject("telemetry").put("enabled", false);
        }
        return o;
    }
}
