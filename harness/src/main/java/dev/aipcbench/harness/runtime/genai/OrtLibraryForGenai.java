package dev.aipcbench.harness.runtime.genai;

import com.sun.jna.Platform;
import com.sun.jna.platform.unix.LibC;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.environment.InstalledWheel;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ONNX Runtime library onnxruntime-genai runs on. genai does not link ONNX Runtime: on first use it
 * opens the file {@code $ORT_LIB_PATH} names, else a libonnxruntime already loaded in the process, else
 * {@code libonnxruntime.so} by name. Its Python package therefore preloads the {@code onnxruntime} wheel's
 * {@code onnxruntime/capi/libonnxruntime.so*} and sets {@code ORT_LIB_PATH} before the first call; the suite
 * does the same, from the same places: beside genai (release folders ship both) or in the site-packages
 * genai came from. On Windows genai links {@code onnxruntime.dll}, which is preloaded from the same places so
 * the loader finds the matching one. A user's own {@code ORT_LIB_PATH} is left as it is.
 */
final class OrtLibraryForGenai {
    static final String ENV = "ORT_LIB_PATH";

    private OrtLibraryForGenai() {
    }

    /**
     * The ONNX Runtime genai was given: its file (null when the user's ORT_LIB_PATH names it or none was
     * found) and a line for results.
     */
    record Prepared(Path file, String description) {
        /** The folder providers' libraries sit in beside ONNX Runtime, when known. */
        Path folder() {
            return file == null ? null : file.getParent();
        }
    }

    /**
     * Prepares ONNX Runtime for the genai library in {@code folder} (null: found by the system loader), before
     * genai is opened (it reads ORT_LIB_PATH as it loads); returns what was used, for results (e.g. {@code onnxruntime 1.32.0 at .../libonnxruntime.so.1.32.0 (ORT_LIB_PATH set)}).
     */
    static Prepared prepare(Path folder) {
        String own = System.getenv(ENV);
        if (own != null && !own.isBlank()) {
            return new Prepared(Path.of(own.trim()), "ONNX Runtime from the user's " + ENV + "=" + own);
        }
        List<Path> candidates = new ArrayList<>();
        if (folder != null) {
            candidates.add(folder);
            InstalledWheel.sitePackagesAbove(folder).ifPresent(site -> candidates.add(site.resolve("onnxruntime").resolve("capi")));
        }
        for (Path dir : candidates) {
            Optional<Path> file = ortFile(dir);
            if (file.isPresent()) {
                Path f = file.get().toAbsolutePath();
                keepOnnxRuntimeJavaOnItsOwnLibrary();
                if (Platform.isWindows()) {
                    preload(f);
                } else {
                    LibC.INSTANCE.setenv(ENV, f.toString(), 1);
                }
                String version = InstalledWheel.sitePackagesAbove(f).flatMap(site -> InstalledWheel.version(site, "onnxruntime"))
                        .orElse(versionFromFileName(f));
                return new Prepared(f, "onnxruntime " + version + " at " + f + (Platform.isWindows() ? " (preloaded)" : " (" + ENV + " set)"));
            }
        }
        // genai then looks for libonnxruntime by name itself; if that fails too, creating a model says so.
        return new Prepared(null, NOT_FOUND + " beside it or in " + candidates);
    }

    /** How {@link #prepare} begins its answer when it found no ONNX Runtime to give genai. */
    static final String NOT_FOUND = "no ONNX Runtime found";

    /** genai's own message when it found no ONNX Runtime ({@code InitApi} in its onnxruntime_api.h). */
    static boolean isMissingOnnxRuntime(String genaiMessage) {
        return genaiMessage != null && genaiMessage.contains("Failed to load onnxruntime");
    }

    /**
     * ONNX Runtime Java (in the suite's jar) loads its own libonnxruntime, whose JNI library needs it by
     * soname ({@code libonnxruntime.so.1}). Were genai's ONNX Runtime, with the same soname, loaded first,
     * the JNI library would bind to it and fail ({@code version VERS_1.29.0 not found}); loading ONNX Runtime
     * Java's natives first keeps both in one process (genai opens its own by path and asks it alone).
     */
    private static void keepOnnxRuntimeJavaOnItsOwnLibrary() {
        try {
            Class.forName("ai.onnxruntime.OrtEnvironment", true, OrtLibraryForGenai.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // ONNX Runtime Java absent or unusable here: nothing to keep apart.
        }
    }

    /** Windows: genai links onnxruntime.dll by name, so the matching one is loaded first, by path. */
    private static void preload(Path f) {
        try {
            NativeLibraryLookup.at("onnxruntime", f).load();
        } catch (DeviceUnavailableException e) {
            throw new DeviceUnavailableException("runtime library cannot be loaded: the ONNX Runtime onnxruntime-genai needs, "
                    + f + ": " + e.getMessage());
        }
    }

    private static Optional<Path> ortFile(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matches = files.filter(p -> {
                String n = p.getFileName().toString();
                return Platform.isWindows() ? n.equalsIgnoreCase("onnxruntime.dll")
                        : Platform.isMac() ? n.startsWith("libonnxruntime") && n.endsWith(".dylib") && !n.contains("genai")
                        : n.startsWith("libonnxruntime.so");
            }).sorted().collect(Collectors.toList());
            // The most specific name (libonnxruntime.so.1.32.0) is the real file; the others are links to it.
            return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(matches.size() - 1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String versionFromFileName(Path f) {
        String n = f.getFileName().toString();
        int i = n.indexOf(".so.");
        return i >= 0 ? n.substring(i + 4) : "(version unknown)";
    }
}
