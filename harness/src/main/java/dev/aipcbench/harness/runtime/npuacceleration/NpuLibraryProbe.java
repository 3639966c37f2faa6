package dev.aipcbench.harness.runtime.npuacceleration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aipcbench.harness.runtime.pythondriver.PythonInterpreter;

import java.io.IOException;
import java.time.Duration;

/**
 * What a short Python process finds: whether {@code import intel_npu_acceleration_library} works, the
 * library's version, and whether it sees an NPU ({@code intel_npu_acceleration_library.backend.npu_available()};
 * without one the library silently falls back to other devices, which is not an NPU measurement).
 *
 * @param problem why the module could not be used, naming the interpreter; null when it could
 */
public record NpuLibraryProbe(String version, boolean npuAvailable, String problem) {
    public static final String MODULE = "intel_npu_acceleration_library";
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String CODE = String.join("\n",
            "import json",
            "import " + MODULE + " as lib",
            "from " + MODULE + ".backend import npu_available",
            "print(json.dumps({'version': getattr(lib, '__version__', 'unknown'), 'npu': bool(npu_available())}))");
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean importable() {
        return problem == null;
    }

    /** Runs the probe with {@code python}, killing it after {@link #TIMEOUT}. */
    public static NpuLibraryProbe run(PythonInterpreter python) {
        if (!python.exists()) {
            return failed(python.describe());
        }
        PythonInterpreter.Run run = python.run(TIMEOUT, "-c", CODE);
        if (run.timedOut()) {
            return failed(python.describe() + ": the import did not finish within " + TIMEOUT.toSeconds() + " s");
        }
        if (run.exitStatus() != 0) {
            String why = run.lastErrorLine();
            return failed(python.describe() + ": " + (why.isEmpty() ? "exit status " + run.exitStatus() : why));
        }
        String[] lines = run.stdout().strip().split("\\R");
        try {
            JsonNode answer = JSON.readTree(lines[lines.length - 1]);
            return new NpuLibraryProbe(answer.path("version").asText("unknown"), answer.path("npu").asBoolean(false), null);
        } catch (IOException e) {
            return failed(python.describe() + ": unexpected probe output '" + run.stdout().strip() + "'");
        }
    }

    private static NpuLibraryProbe failed(String problem) {
        return new NpuLibraryProbe(null, false, problem);
    }
}
