package dev.aipcbench.harness.runtime.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The version pip recorded for an installed distribution: the {@code <name>-<version>.dist-info} folder
 * beside the package, in the site-packages a library was found in. Native C APIs such as
 * onnxruntime-genai's have no version call, so this is how the suite names what it loaded.
 */
public final class InstalledWheel {
    private InstalledWheel() {
    }

    /**
     * The version of distribution {@code name} (pip's name, e.g. {@code onnxruntime-genai}) installed in
     * {@code sitePackages}, if any.
     */
    public static Optional<String> version(Path sitePackages, String name) {
        if (sitePackages == null || !Files.isDirectory(sitePackages)) {
            return Optional.empty();
        }
        // pip writes the name normalised (onnxruntime_genai-0.18.0.dist-info), matched case-insensitively.
        String normalised = normalise(name);
        int n = name.length();
        try (Stream<Path> entries = Files.list(sitePackages)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".dist-info") && f.length() > n + 1 && f.charAt(n) == '-'
                            && normalise(f.substring(0, n)).equals(normalised))
                    .map(f -> f.substring(n + 1, f.length() - ".dist-info".length()))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String distribution) {
        return distribution.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /**
     * The site-packages folder holding a library found at {@code libraryFolder} ({@code site-packages/<package>/...}):
     * the nearest ancestor named site-packages, if any.
     */
    public static Optional<Path> sitePackagesAbove(Path libraryFolder) {
        for (Path p = libraryFolder; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("site-packages")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
