package dev.aipcbench.harness.testing;

import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The tiny synthetic model (seed {@link TestModels#SEED}) as an OpenVINO IR folder, generated once per build. */
public final class OpenVinoTestModels {
    private OpenVinoTestModels() {
    }

    public static SyntheticSpec tinySpec(Precision precision) {
        return SyntheticSpec.of(ModelFormat.OPENVINO_IR, "tiny", ModelDimensions.tiny(), precision, TestModels.SEED);
    }

    public static Path tiny(Precision precision) {
        try {
            return TestModels.cache().synthetic(tinySpec(precision), Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
