package dev.aipcbench.harness.runtime.environment;

import com.sun.jna.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The suite's own runtime environment, made by {@code run-bench runtimes install}: a Python virtual
 * environment with the pinned wheels ({@code python/}, whose site-packages hold onnxruntime-genai,
 * openvino, openvino-genai ... with their native libraries) and an npm prefix with the pinned llama.cpp
 * prebuilts ({@code npm/node_modules/...}). It lives under {@code $AIPC_BENCH_RUNTIMES} (or
 * {@code -Daipcbench.runtimes}), else {@code ~/.cache/aipc-bench/runtimes}, beside the model cache.
 */
public final class RuntimeEnvironment {
    public static final String ENV = "AIPC_BENCH_RUNTIMES";
    public static final String PROPERTY = "aipcbench.runtimes";

    private final Path root;

    public RuntimeEnvironment(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The environment the property, the environment variable or the default names. */
    public static RuntimeEnvironment current() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ENV);
        }
        if (dir != null && !dir.isBlank()) {
            return new RuntimeEnvironment(Path.of(dir.trim()));
        }
        return new RuntimeEnvironment(Path.of(System.getProperty("user.home"), ".cache", "aipc-bench", "runtimes"));
    }

    public Path root() {
        return root;
    }

    /** The Python virtual environment's folder. */
    public Path python() {
        return root.resolve("python");
    }

    /** The virtual environment's interpreter (may not exist yet). */
    public Path pythonExecutable() {
        return Platform.isWindows() ? python().resolve("Scripts").resolve("python.exe") : python().resolve("bin").resolve("python3");
    }

    /** The virtual environment's site-packages, once it exists. */
    public Optional<Path> sitePackages() {
        return sitePackagesOf(python());
    }

    /**
     * The site-packages of a Python environment's folder ({@code lib/python3.X/site-packages} on Linux and
     * macOS, {@code Lib/site-packages} on Windows), when it has one.
     */
    public static Optional<Path> sitePackagesOf(Path environment) {
        Path windows = environment.resolve("Lib").resolve("site-packages");
        if (Files.isDirectory(windows)) {
            return Optional.of(windows);
        }
        Path lib = environment.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.filter(p -> p.getFileName().toString().startsWith("python"))
                    .map(p -> p.resolve("site-packages")).filter(Files::isDirectory).sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The npm prefix the llama.cpp prebuilts are installed under. */
    public Path npm() {
        return root.resolve("npm");
    }

    /** An installed npm package's folder, e.g. {@code @node-llama-cpp/linux-x64}, once it exists. */
    public Optional<Path> npmPackage(String name) {
        Path p = npm().resolve("node_modules").resolve(name);
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    /** Where native libraries shipped inside jars (e.g. de.kherud:llama's) are extracted, one folder per artifact version. */
    public Path extracted() {
        return root.resolve("extracted");
    }
}
