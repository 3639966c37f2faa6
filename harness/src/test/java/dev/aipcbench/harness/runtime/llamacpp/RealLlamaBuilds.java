package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.synthetic.SyntheticSpec;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import dev.aipcbench.harness.testing.TestModels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two real libllama builds the tests run on, and the tiny GGUF models they load:
 * <ul>
 *   <li>the built-in one, {@code de.kherud:llama}'s CPU library (llama.cpp of mid 2025, backends linked
 *       in), extracted from the Maven jar into the runtime environment;</li>
 *   <li>the npm prebuilt {@code @node-llama-cpp/<platform>} (a current llama.cpp whose backends load
 *       dynamically, one {@code libggml-cpu-<variant>} per CPU family), which {@code run-bench runtimes
 *       install} puts into the runtime environment (CI runs it before the tests).</li>
 * </ul>
 */
final class RealLlamaBuilds {
    static final String BUILT_IN = "built-in";
    static final String NPM = "npm";

    private RealLlamaBuilds() {
    }

    static Path builtIn() {
        return BuiltInLlama.library(RuntimeEnvironment.current());
    }

    /** The npm prebuilt's libllama; fails saying how to install it when absent. */
    static Path npm() {
        RuntimeEnvironment environment = RuntimeEnvironment.current();
        String name = LlamaCppBuilds.npmPackageName().orElseThrow(() -> new AssertionError(
                "no llama.cpp npm prebuilt is pinned for " + LlamaCppBuilds.platform() + " in npm-packages.txt"));
        return LlamaCppBuilds.npmPrebuiltFolder(environment).flatMap(LlamaCppBuilds::libraryIn).orElseThrow(() -> new AssertionError(
                "the llama.cpp npm prebuilt " + name + " is not installed under " + environment.npm()
                        + ": run `./run-bench.sh runtimes install --runtimes llama.cpp` (or `npm install --prefix "
                        + environment.npm() + " " + name + "` at the pinned version)"));
    }

    /** Both builds by label, built-in first. */
    static Map<String, Path> both() {
        Map<String, Path> builds = new LinkedHashMap<>();
        builds.put(BUILT_IN, builtIn());
        builds.put(NPM, npm());
        return builds;
    }

    /**
     * CPU, one thread, a context of {@code context} tokens: ggml's spinning thread pool slows the tiny
     * model down 100-fold on a loaded 2-core machine (1.7 s against 8 ms per token measured here), and
     * the tests time nothing.
     */
    static SessionSettings settings(int context) {
        return SessionSettings.cpu().withThreads(1).withMaxSequenceLength(context);
    }

    /** The tiny synthetic model (seed 42) as GGUF at {@code precision}, generated once per build. */
    static Path tinyGguf(Precision precision) {
        try {
            return TestModels.cache().synthetic(SyntheticSpec.of(ModelFormat.GGUF, "tiny", ModelDimensions.tiny(),
                    precision, TestModels.SEED), Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
