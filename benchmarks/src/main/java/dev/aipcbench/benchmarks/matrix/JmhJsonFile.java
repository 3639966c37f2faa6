package dev.aipcbench.benchmarks.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.TelemetryResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run's {@code jmh.json}: JMH's own JSON array, with each finished cell's entries appended and the
 * file replaced atomically, so it always parses and holds exactly the finished cells.
 */
final class JmhJsonFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JmhJsonFile() {
    }

    /**
     * Appends a cell's benchmarks, each given the cell's telemetry summaries as further secondary
     * metrics ({@code telemetry.<source>.<signal>.avg|peak|total}): telemetry is recorded by the host,
     * beside the forks, so JMH never saw it, yet {@code jmh.json} alone should carry the cell.
     */
    static void append(Path runJson, Path cellJson, TelemetryResult telemetry) throws IOException {
        if (!Files.isRegularFile(cellJson) || Files.size(cellJson) == 0) {
            return;
        }
        ArrayNode all = Files.isRegularFile(runJson) ? (ArrayNode) JSON.readTree(runJson.toFile()) : JSON.createArrayNode();
        JsonNode cell = JSON.readTree(cellJson.toFile());
        if (cell != null && cell.isArray()) {
            for (JsonNode benchmark : cell) {
                if (telemetry != null && benchmark.isObject()) {
                    addTelemetry((ObjectNode) benchmark, telemetry);
                }
                all.add(benchmark);
            }
        }
        ResultsFolder.writeAtomically(runJson, JSON.writeValueAsString(all) + "\n");
    }

    private static void addTelemetry(ObjectNode benchmark, TelemetryResult telemetry) {
        ObjectNode secondary = benchmark.has("secondaryMetrics") && benchmark.get("secondaryMetrics").isObject()
                ? (ObjectNode) benchmark.get("secondaryMetrics") : benchmark.putObject("secondaryMetrics");
        for (TelemetryResult.Source source : telemetry.sources()) {
            if (source.signals() == null) {
                continue;
            }
            source.signals().forEach((signal, summary) -> {
                String prefix = "telemetry." + source.source() + "." + signal;
                put(secondary, prefix + ".avg", summary.avg(), summary.unit());
                put(secondary, prefix + ".peak", summary.peak(), summary.unit());
                if (summary.total() != null) {
                    put(secondary, prefix + ".total", summary.total(), summary.unit());
                }
            });
        }
    }

    /** One value in JMH's secondary-metric layout (a single sample: no error, no percentiles). */
    private static void put(ObjectNode secondary, String name, double value, String unit) {
        ObjectNode m = secondary.putObject(name);
        m.put("score", value);
        m.put("scoreError", "NaN");
        m.putArray("scoreConfidence").add(value).add(value);
        m.put("scoreUnit", unit);
        m.putArray("rawData").addArray().add(value);
    }

    static void createEmpty(Path runJson) throws IOException {
        if (!Files.exists(runJson)) {
            ResultsFolder.writeAtomically(runJson, "[]\n");
        }
    }
}
