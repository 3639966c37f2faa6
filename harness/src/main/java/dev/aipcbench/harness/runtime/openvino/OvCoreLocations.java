package dev.aipcbench.harness.runtime.openvino;

import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the {@code openvino} runtime looks for OpenVINO's C API ({@code openvino_c}), in order:
 * <ol>
 *   <li>an explicit setting, {@code -Daipcbench.openvino.core.library=PATH} or {@code OPENVINO_C_LIBRARY} (a file,
 *       or a folder holding it): then only there;</li>
 *   <li>the suite's runtime environment ({@link RuntimeEnvironment}): the {@code openvino} wheel's
 *       {@code site-packages/openvino/libs}, whose file carries OpenVINO's version in its name
 *       ({@code libopenvino_c.so.2641}; {@code openvino_c.dll} on Windows);</li>
 *   <li>the library paths and the system loader ({@code libopenvino_c.so} of an OpenVINO archive after
 *       {@code setupvars}).</li>
 * </ol>
 * Each candidate is a labelled {@link NativeLibraryLookup}; the first that loads wins.
 */
public final class OvCoreLocations {
    public static final String LIBRARY_NAME = "openvino_c";
    public static final String LIBRARY_PROPERTY = "aipcbench.openvino.core.library";
    public static final String LIBRARY_ENV = "OPENVINO_C_LIBRARY";

    /** {@code libopenvino_c.so}, {@code libopenvino_c.so.2641}, {@code libopenvino_c.2641.dylib}, {@code openvino_c.dll}. */
    private static final Pattern FILE = Pattern.compile("(lib)?openvino_c(\\.so(\\.\\d+)*|(\\.\\d+)*\\.dylib|\\.dll)");

    /**
     * One place to look, and what to call it in messages.
     *
     * @param label     where, for messages (e.g. the suite's runtime environment and the file)
     * @param lookup    the lookup that loads it
     * @param labelled  whether {@code label} says where the library came from better than the lookup's own origin
     */
    public record Candidate(String label, NativeLibraryLookup lookup, boolean labelled) {
    }

    private OvCoreLocations() {
    }

    /** The candidates, in order, for the current settings and the given runtime environment. */
    public static List<Candidate> candidates(RuntimeEnvironment environment) {
        String property = System.getProperty(LIBRARY_PROPERTY);
        String variable = System.getenv(LIBRARY_ENV);
        if ((property != null && !property.isBlank()) || (variable != null && !variable.isBlank())) {
            return List.of(new Candidate("the explicit setting (-D" + LIBRARY_PROPERTY + " / " + LIBRARY_ENV + ")",
                    NativeLibraryLookup.of(LIBRARY_NAME, LIBRARY_PROPERTY, LIBRARY_ENV), false));
        }
        List<Candidate> out = new ArrayList<>();
        wheelLibrary(environment).ifPresent(file -> out.add(new Candidate("the suite's runtime environment, " + file,
                NativeLibraryLookup.at(LIBRARY_NAME, file), true)));
        out.add(new Candidate("the library paths and the system loader", NativeLibraryLookup.of(LIBRARY_NAME, null, null), false));
        return out;
    }

    /** The {@code openvino} wheel's openvino_c in the environment's site-packages, when there is one. */
    static Optional<Path> wheelLibrary(RuntimeEnvironment environment) {
        Optional<Path> site = environment.sitePackages();
        if (site.isEmpty()) {
            return Optional.empty();
        }
        Path libs = site.get().resolve("openvino").resolve("libs");
        if (!Files.isDirectory(libs)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(libs)) {
            return files.filter(f -> FILE.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                    .max(Comparator.comparing(f -> f.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Loads from the first candidate that works.
     *
     * @throws DeviceUnavailableException naming every candidate and why it did not load
     */
    public static <T> T loadFirst(List<Candidate> candidates, Function<Candidate, T> loader) {
        List<String> failures = new ArrayList<>();
        for (Candidate c : candidates) {
            try {
                return loader.apply(c);
            } catch (DeviceUnavailableException e) {
                failures.add(c.label() + ": " + e.getMessage());
            }
        }
        String failed = String.join("; ", failures);
        // Said once: a lookup that found no file already ends with the install hint.
        throw new DeviceUnavailableException("runtime library not installed: OpenVINO's C API (" + LIBRARY_NAME + ") did not load from "
                + failed + (failed.contains("runtimes install") ? "" : " (run-bench runtimes install puts the openvino wheel in the suite's environment)"));
    }
}
