package dev.aipcbench.harness.runtime.npuacceleration;

import dev.aipcbench.harness.runtime.pythondriver.PythonInterpreter;
import dev.aipcbench.harness.runtime.pythondriver.PythonProbe;

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

    public boolean importable() {
        return problem == null;
    }

    /** Runs the probe with {@code python}, killing it after {@link #TIMEOUT}. */
    public static NpuLibraryProbe run(PythonInterpreter python) {
        PythonProbe probe = PythonProbe.ask(python, CODE, TIMEOUT);
        if (probe.answer() == null) {
            return failed(probe.problem());
        }
        return new NpuLibraryProbe(probe.answer().path("version").asText("unknown"), probe.answer().path("npu").asBoolean(false), null);
    }

    private static NpuLibraryProbe failed(String problem) {
        return new NpuLibraryProbe(null, false, problem);
    }
}
