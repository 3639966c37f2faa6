package dev.aipcbench.harness.model;

import dev.aipcbench.harness.model.onnx.OnnxModelFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * A decoder model folder in the onnxruntime-genai layout, checked before any runtime sees it: the
 * folder exists, {@code genai_config.json} has every field the loop needs with the right types, and
 * the ONNX file it names is present and parses. Problems surface as one line naming the file.
 */
public record ModelFolder(Path path, GenaiConfig config, Path modelFile, Set<String> operatorTypes,
                          Optional<ModelManifest> manifest) {

    public static ModelFolder open(Path folder) {
        if (!Files.exists(folder)) {
            throw new ModelFormatException(folder, "model folder not found");
        }
        if (!Files.isDirectory(folder)) {
            throw new ModelFormatException(folder, "is not a folder (expected an onnxruntime-genai model folder)");
        }
        GenaiConfig config = GenaiConfig.read(folder);
        Path modelFile = folder.resolve(config.decoder().filename());
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelFormatException(modelFile, "not found (named by " + GenaiConfig.FILE_NAME
                    + " field model.decoder.filename)");
        }
        Set<String> ops;
        try (OnnxModelFile onnx = OnnxModelFile.open(modelFile)) {
            ops = onnx.operatorTypes();
        } catch (IOException e) {
            throw new ModelFormatException(modelFile, "cannot be read: " + e.getMessage(), e);
        }
        return new ModelFolder(folder, config, modelFile, ops, ModelManifest.read(folder));
    }

    /** GroupQueryAttention is the operator that can append to a shared past/present buffer in place. */
    public boolean usesGroupQueryAttention() {
        return operatorTypes.contains("com.microsoft:GroupQueryAttention");
    }

    /** A short name for results: the folder's name. */
    public String name() {
        return path.getFileName().toString();
    }
}
