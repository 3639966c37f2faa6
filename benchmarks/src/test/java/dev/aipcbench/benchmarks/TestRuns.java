package dev.aipcbench.benchmarks;

import dev.aipcbench.harness.testing.TestModels;

/** Shared settings of the tests that run real matrices. */
public final class TestRuns {
    private TestRuns() {
    }

    /** The build's test model cache; runs generate missing models into it, once. */
    public static String cacheDir() {
        return TestModels.cache().root().toString();
    }
}
