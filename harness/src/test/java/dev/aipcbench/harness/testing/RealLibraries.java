package dev.aipcbench.harness.testing;

import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real runtime libraries the tests run on, from the suite's runtime environment that
 * {@code run-bench runtimes install} makes (the README's test command runs it first). A missing library
 * fails the test with that advice: tests never skip for want of a library.
 */
public final class RealLibraries {
    private RealLibraries() {
    }

    /** A file (or folder) inside the environment's site-packages, e.g. {@code onnxruntime_genai/libonnxruntime-genai.so}. */
    public static Path inSitePackages(String relative) {
        RuntimeEnvironment env = RuntimeEnvironment.current();
        Path site = env.sitePackages().orElseThrow(() -> missing(env.python() + " (no Python virtual environment)"));
        Path p = site.resolve(relative);
        if (!Files.exists(p)) {
            throw missing(p.toString());
        }
        return p;
    }

    /** The real onnxruntime-genai library (the pip wheel's). */
    public static Path onnxruntimeGenai() {
        return inSitePackages("onnxruntime_genai/" + System.mapLibraryName("onnxruntime-genai"));
    }

    private static AssertionError missing(String what) {
        return new AssertionError("the real runtime library is not installed: " + what
                + " is missing; run ./run-bench.sh runtimes install (the README's test command does it first)");
    }
}
