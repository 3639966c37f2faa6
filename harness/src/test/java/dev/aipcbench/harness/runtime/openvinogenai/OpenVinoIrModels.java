package dev.aipcbench.harness.runtime.openvinogenai;

import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real OpenVINO GenAI for tests: the suite's runtime environment's Python, whose openvino-genai wheel is
 * what the Python way in drives (the IR folders come from OpenVinoTestModels).
 */
final class OpenVinoIrModels {
    private OpenVinoIrModels() {
    }

    /** The runtime environment's interpreter, which imports openvino_genai. */
    static Path python() {
        Path python = RuntimeEnvironment.current().pythonExecutable();
        if (!Files.isRegularFile(python)) {
            throw new AssertionError("the suite's runtime environment is needed for OpenVINO GenAI's tests: " + python
                    + " does not exist; run ./run-bench.sh runtimes install");
        }
        return python;
    }

    /** OpenVINO GenAI through the environment's Python package. */
    static OpenVinoGenaiRuntime runtime() {
        return OpenVinoGenaiRuntime.python(python());
    }
}
