package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aipcbench.results.ResultsFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run's {@code jmh.json}: JMH's own JSON array, exactly as JMH wrote each finished cell's entries,
 * appended and the file replaced atomically, so it always parses and holds exactly the finished cells.
 * Telemetry, recorded by the host beside the forks, is in results.json only.
 */
final class JmhJsonFile {
    private static final ObjectMapper JSON = Json.PRETTY;

    private JmhJsonFile() {
    }

    /** Appends a cell's benchmarks as JMH wrote them. */
    static void append(Path runJson, Path cellJson) throws IOException {
        if (!Files.isRegularFile(cellJson) || Files.size(cellJson) == 0) {
            return;
        }
        ArrayNode all = Files.isRegularFile(runJson) ? (ArrayNode) JSON.readTree(runJson.toFile()) : JSON.createArrayNode();
        JsonNode cell = JSON.readTree(cellJson.toFile());
        if (cell != null && cell.isArray()) {
            cell.forEach(all::add);
        }
        ResultsFolder.writeAtomically(runJson, JSON.writeValueAsString(all) + "\n");
    }

    static void createEmpty(Path runJson) throws IOException {
        if (!Files.exists(runJson)) {
            ResultsFolder.writeAtomically(runJson, "[]\n");
        }
    }
}
