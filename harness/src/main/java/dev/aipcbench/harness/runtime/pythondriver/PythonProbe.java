package dev.aipcbench.harness.runtime.pythondriver;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;

/**
 * A short Python program whose last line of output is one JSON object: how a runtime asks an
 * interpreter whether its library imports and what it sees (version, devices), without loading a model.
 *
 * @param answer  the object printed, or null when there is none
 * @param problem why there is none, naming the interpreter (its missing file, the timeout, Python's last
 *                error line, or unexpected output); null when there is an answer
 */
public record PythonProbe(JsonNode answer, String problem) {
    private static final ObjectMapper JSON = Json.PLAIN;

    /** Runs {@code code} with {@code python -c}, killing it after {@code timeout}. */
    public static PythonProbe ask(PythonInterpreter python, String code, Duration timeout) {
        if (!python.exists()) {
            return new PythonProbe(null, python.describe());
        }
        PythonInterpreter.Run run = python.run(timeout, "-c", code);
        if (run.timedOut()) {
            return new PythonProbe(null, python.describe() + ": the import did not finish within " + timeout.toSeconds() + " s");
        }
        if (run.exitStatus() != 0) {
            String why = run.lastErrorLine();
            return new PythonProbe(null, python.describe() + ": " + (why.isEmpty() ? "exit status " + run.exitStatus() : why));
        }
        String[] lines = run.stdout().strip().split("\\R");
        try {
            JsonNode answer = JSON.readTree(lines[lines.length - 1]);
            if (answer != null && answer.isObject()) {
                return new PythonProbe(answer, null);
            }
        } catch (IOException e) {
            // reported below
        }
        return new PythonProbe(null, python.describe() + ": unexpected probe output '" + run.stdout().strip() + "'");
    }
}
