package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.results.Json;
import com.sun.jna.Platform;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The libllama builds the llama.cpp runtime can use, in the order it prefers them:
 * <ol>
 *   <li>the one the user names: {@code -Daipcbench.llamacpp.library}, else {@code LLAMA_CPP_LIBRARY}, a
 *       file or a folder holding it (a llama.cpp release folder, {@code libllama.v0.4.0.so} in an npm
 *       prebuilt's); when set, nothing else is tried;</li>
 *   <li>the npm prebuilt of the suite's runtime environment ({@code run-bench runtimes install}: the
 *       {@code @node-llama-cpp/<platform>} package pinned for this OS and CPU), newer than the built-in one;</li>
 *   <li>a libllama on the library paths or the system loader's;</li>
 *   <li>the built-in one ({@link BuiltInLlama}), so llama.cpp runs with nothing installed.</li>
 * </ol>
 * Each candidate carries a label saying where it came from, which the cell records.
 */
final class LlamaCppBuilds {
    private static final String NPM_PACKAGES = "/dev/aipcbench/harness/runtime/environment/npm-packages.txt";

    /**
     * One place libllama may come from.
     *
     * @param source  where, for results and messages (e.g. {@code environment variable LLAMA_CPP_LIBRARY})
     * @param version the build's version where its packaging says it, else null
     * @param lookup  finds the library; throws {@link DeviceUnavailableException} when it is not there
     */
    record Candidate(String source, String version, Supplier<NativeLibraryLookup> lookup) {
    }

    private LlamaCppBuilds() {
    }

    /** The candidates, most preferred first: only the explicit setting when there is one. */
    static List<Candidate> candidates(RuntimeEnvironment environment) {
        return candidates(environment, explicitSetting());
    }

    /** As {@link #candidates(RuntimeEnvironment)}, with the explicit setting given: {value, where it was set}, or null. */
    static List<Candidate> candidates(RuntimeEnvironment environment, String[] explicit) {
        if (explicit != null) {
            return List.of(file(explicit[1], Path.of(explicit[0])));
        }
        List<Candidate> out = new ArrayList<>();
        npmPrebuilt(environment).ifPresent(out::add);
        out.add(new Candidate("the library paths and the system loader", null,
                () -> NativeLibraryLookup.of(LlamaCppRuntime.LIBRARY_NAME, null, null)));
        out.add(new Candidate("built-in", BuiltInLlama.version(), () -> NativeLibraryLookup.at(LlamaCppRuntime.LIBRARY_NAME, BuiltInLlama.library(environment))));
        return out;
    }

    /** One candidate: a libllama file, or the one in a folder. */
    static Candidate at(Path path) {
        return file("the path given to the runtime", path);
    }

    private static Candidate file(String source, Path path) {
        return new Candidate(source, npmVersionOf(path), () -> NativeLibraryLookup.at(LlamaCppRuntime.LIBRARY_NAME, libraryIn(path).orElseThrow(
                () -> new DeviceUnavailableException("runtime library not installed: llama (" + System.mapLibraryName("llama") + ") not found at " + path.toAbsolutePath()
                        + " (from " + source + ")"))));
    }

    /**
     * The version of the node-llama-cpp package a libllama (or its folder) belongs to, read from the package's
     * {@code package.json} ({@code <package>/bins/<platform>/libllama...}), else null.
     */
    private static String npmVersionOf(Path path) {
        Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path pkg = folder == null || folder.getParent() == null ? null : folder.getParent().getParent();
        if (pkg == null || !folder.getParent().getFileName().toString().equals("bins") || !Files.isRegularFile(pkg.resolve("package.json"))) {
            return null;
        }
        try {
            var json = Json.PLAIN.readTree(pkg.resolve("package.json").toFile());
            return json.path("name").asText("?") + " " + json.path("version").asText("unknown");
        } catch (IOException e) {
            return null;
        }
    }

    private static String[] explicitSetting() {
        String value = System.getProperty(LlamaCppRuntime.LIBRARY_PROPERTY);
        if (value != null && !value.isBlank()) {
            return new String[] {value.trim(), "-D" + LlamaCppRuntime.LIBRARY_PROPERTY};
        }
        value = System.getenv(LlamaCppRuntime.LIBRARY_ENV);
        if (value != null && !value.isBlank()) {
            return new String[] {value.trim(), "environment variable " + LlamaCppRuntime.LIBRARY_ENV};
        }
        return null;
    }

    /**
     * {@code path} when it is a file; in a folder, {@code libllama.so} ({@code llama.dll},
     * {@code libllama.dylib}), else the only versioned one ({@code libllama.v0.4.0.so}, {@code libllama.0.dylib}).
     */
    static Optional<Path> libraryIn(Path path) {
        if (Files.isRegularFile(path)) {
            return Optional.of(path);
        }
        if (!Files.isDirectory(path)) {
            return Optional.empty();
        }
        String plain = System.mapLibraryName(LlamaCppRuntime.LIBRARY_NAME);
        if (Files.isRegularFile(path.resolve(plain))) {
            return Optional.of(path.resolve(plain));
        }
        int dot = plain.lastIndexOf('.');
        String stem = plain.substring(0, dot);
        String suffix = plain.substring(dot);
        try (Stream<Path> files = Files.list(path)) {
            List<Path> versioned = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(stem + ".") && (n.endsWith(suffix) || n.contains(suffix + ".")) && Files.isRegularFile(p);
            }).sorted().collect(Collectors.toList());
            return versioned.size() == 1 ? Optional.of(versioned.get(0)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pinned {@code @node-llama-cpp/<platform>} package of this machine, when the runtime environment holds it. */
    private static Optional<Candidate> npmPrebuilt(RuntimeEnvironment environment) {
        return npmPrebuiltFolder(environment).flatMap(LlamaCppBuilds::libraryIn).map(library -> new Candidate(
                "the runtime environment's npm prebuilt", npmVersionOf(library), () -> NativeLibraryLookup.at(LlamaCppRuntime.LIBRARY_NAME, library)));
    }

    /** The folder of the npm prebuilt's libraries ({@code bins/<platform>/} of its package), when installed. */
    static Optional<Path> npmPrebuiltFolder(RuntimeEnvironment environment) {
        return npmPackageName().flatMap(name -> environment.npmPackage(name)
                .map(p -> p.resolve("bins").resolve(name.substring(name.indexOf('/') + 1)))).filter(Files::isDirectory);
    }

    /** The npm package pinned for this machine, e.g. {@code @node-llama-cpp/linux-x64}, if one is. */
    static Optional<String> npmPackageName() {
        try (InputStream in = LlamaCppBuilds.class.getResourceAsStream(NPM_PACKAGES)) {
            if (in == null) {
                return Optional.empty();
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String platform = platform();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3 && f[0].equals(LlamaCppRuntime.ID) && f[1].equals(platform)) {
                    int at = f[2].lastIndexOf('@');
                    return Optional.of(at > 0 ? f[2].substring(0, at) : f[2]);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This machine as the runtime environment names platforms: {@code linux-amd64}, {@code mac-aarch64} ... */
    static String platform() {
        String os = Platform.isWindows() ? "windows" : Platform.isMac() ? "mac" : Platform.isLinux() ? "linux" : Platform.RESOURCE_PREFIX;
        String arch = Platform.is64Bit() && Platform.isIntel() ? "amd64" : Platform.is64Bit() && Platform.isARM() ? "aarch64" : Platform.ARCH;
        return os + "-" + arch;
    }
}
