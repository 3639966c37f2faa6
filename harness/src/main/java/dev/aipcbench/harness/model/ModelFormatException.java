package dev.aipcbench.harness.model;

import java.nio.file.Path;

/**
 * A model folder or file is not what the suite expects. The message always names the file (and the
 * field, where one is at fault) and what was expected, so the command line can print it as one line.
 */
public class ModelFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
