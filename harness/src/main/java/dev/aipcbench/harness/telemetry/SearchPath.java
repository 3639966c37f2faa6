package dev.aipcbench.harness.telemetry;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The directories of {@code PATH} (and on Windows the extensions of {@code PATHEXT}), to find a tool before running it. */
public final class SearchPath {
    private final List<Path> directories;
    private final List<String> extensions;

    public SearchPath(String path, List<String> extensions) {
        List<Path> dirs = new ArrayList<>();
        for (String entry : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    dirs.add(Path.of(entry.strip()));
                } catch (InvalidPathException e) {
                    // a malformed PATH entry cannot hold the tool; the others still can
                }
            }
        }
        this.directories = List.copyOf(dirs);
        this.extensions = List.copyOf(extensions);
    }

    /** This process's PATH; on Windows, names are also tried with PATHEXT's extensions (.EXE, .CMD, ...). */
    public static SearchPath fromEnvironment() {
        String pathExt = System.getenv("PATHEXT");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        List<String> ext = new ArrayList<>();
        ext.add("");
        if (windows) {
            for (String e : (pathExt == null ? ".COM;.EXE;.BAT;.CMD" : pathExt).split(";")) {
                if (!e.isBlank()) {
                    ext.add(e.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new SearchPath(System.getenv("PATH"), ext);
    }

    /** The first executable file named {@code name} (plus one of the extensions) on the path. */
    public Optional<Path> find(String name) {
        for (Path dir : directories) {
            for (String ext : extensions) {
                Path candidate = dir.resolve(name + ext);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
