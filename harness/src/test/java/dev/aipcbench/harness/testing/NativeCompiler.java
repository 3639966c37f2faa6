package dev.aipcbench.harness.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the fake native libraries the runtime bindings are tested against: a C source kept as a test
 * resource is copied into a temporary folder and compiled there with gcc into a shared library carrying
 * the platform's file name (libNAME.so), so the runtimes' library lookups find it as they would the real
 * one. Without gcc the tests fail, saying so: they never skip.
 */
public final class NativeCompiler {
    private NativeCompiler() {
    }

    /**
     * Compiles {@code resource} (a path relative to {@code anchor}'s package) into {@code folder}.
     *
     * @param libraryName the library's JNA name, e.g. {@code onnxruntime-genai}
     * @param defines     preprocessor definitions, e.g. {@code FAKE_OLD_API=1}
     * @return the shared library's path
     */
    public static Path sharedLibrary(Class<?> anchor, String resource, Path folder, String libraryName, String... defines) {
        List<String> arguments = new ArrayList<>();
        for (String d : defines) {
            arguments.add("-D" + d);
        }
        return sharedLibrary(anchor, resource, folder, libraryName, arguments);
    }

    /** As {@link #sharedLibrary(Class, String, Path, String, String...)}, with gcc arguments given as they are (e.g. -L, -l). */
    public static Path sharedLibrary(Class<?> anchor, String resource, Path folder, String libraryName, List<String> gccArguments) {
        try {
            Files.createDirectories(folder);
            Path source = folder.resolve(resource);
            try (InputStream in = anchor.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new AssertionError("test resource " + resource + " missing beside " + anchor.getName());
                }
                Files.write(source, in.readAllBytes());
            }
            Path library = folder.resolve(System.mapLibraryName(libraryName));
            List<String> command = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-O1", "-std=gnu11", "-Wall"));
            command.addAll(List.of("-o", library.toString(), source.toString()));
            command.addAll(gccArguments);
            command.add("-lm");
            run(command, libraryName);
            return library;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command, String libraryName) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("gcc is needed to build the fake " + libraryName + " library these tests bind to,"
                    + " and could not be started (" + e.getMessage() + "): install gcc (apt-get install gcc) and put it on PATH", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("gcc did not finish building the fake " + libraryName + " within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while building the fake " + libraryName, e);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("gcc failed to build the fake " + libraryName + " (" + String.join(" ", command) + "):\n" + output);
        }
    }
}
