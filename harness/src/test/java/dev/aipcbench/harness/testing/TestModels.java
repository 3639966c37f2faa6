package dev.aipcbench.harness.testing;

import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import dev.aipcbench.harness.model.catalog.ModelCache;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Tiny synthetic models for tests, generated on first use into one cache per build
 * ({@code target/test-models} of the module running the tests, or {@code -Daipcbench.testModels=DIR}),
 * never downloaded and never committed.
 */
public final class TestModels {
    public static final long SEED = 42;

    private TestModels() {
    }

    public static ModelCache cache() {
        String dir = System.getProperty("aipcbench.testModels");
        return new ModelCache(dir != null ? Path.of(dir) : Path.of("target", "test-models").toAbsolutePath());
    }

    public static SyntheticSpec tinySpec(Precision precision) {
        return SyntheticSpec.of("tiny", ModelDimensions.tiny(), precision, SEED);
    }

    /** The tiny Phi-3 model of this precision (seed 42), generated once per build. */
    public static Path tiny(Precision precision) {
        try {
            return cache().synthetic(tinySpec(precision), Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared test data folder ({@code ../shared} beside the checkout). */
    public static Path shared() {
        return Path.of(System.getProperty("aipcbench.shared", "../shared")).toAbsolutePath().normalize();
    }
}
