package dev.aipcbench.harness.runtime.genai;

import dev.aipcbench.harness.model.GenaiConfig;
import dev.aipcbench.harness.model.ModelDimensions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Model folders for the fake library: a genai_config.json is all it reads. */
final class GenaiFolders {
    private GenaiFolders() {
    }

    /** A folder whose genai_config.json describes the tiny Phi-3 shape (vocabulary 32064, context 4096). */
    static Path tiny(Path folder) throws IOException {
        Files.createDirectories(folder);
        GenaiConfig.phi3(ModelDimensions.tiny(), "model.onnx", 1, List.of(32000), 32000).write(folder);
        return folder;
    }
}
