package dev.aipcbench.harness.runtime.openvinogenai;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.synthetic.SyntheticModelGenerator;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import dev.aipcbench.harness.testing.TestModels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real OpenVINO GenAI for tests: the tiny synthetic Phi-3 (seed 42) as OpenVINO IR folders, written
 * by the suite's own IR writer into the test model cache, and the suite's runtime environment's Python,
 * whose openvino-genai wheel is what the Python way in drives.
 */
final class OpenVinoIrModels {
    private OpenVinoIrModels() {
    }

    /** The tiny model of this precision as an OpenVINO IR folder, generated once per build. */
    static Path tiny(Precision precision) {
        try {
            return TestModels.cache().synthetic(SyntheticModelGenerator.Spec.of(ModelFormat.OPENVINO_IR, "tiny", ModelDimensions.tiny(),
                    precision, TestModels.SEED), Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
