package dev.aipcbench.reports.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --out} folder: created if missing, refused with a one-line reason if it cannot be written. */
final class OutputFolder {
    private OutputFolder() {
    }

    static Path prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + ": is a file, expected a folder for the report");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + dir + ": cannot create the folder (" + e + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("--out " + dir + ": not writable");
        }
        return dir;
    }
}
