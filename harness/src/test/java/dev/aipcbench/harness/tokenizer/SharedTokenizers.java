package dev.aipcbench.harness.tokenizer;

import java.nio.file.Path;

/** Where the shared test data lives (surefire sets {@code aipcbench.shared}; a worktree falls back to ../../shared). */
final class SharedTokenizers {

    private SharedTokenizers() {
    }

    /** The real Phi-3 tokenizer folder: test data only, never copied into the project. */
    static Path phi3Folder() {
        return Path.of(System.getProperty("aipcbench.shared", "../../shared")).resolve("data/phi3-tokenizer");
    }
}
