package dev.aipcbench.harness.model.onnx;

import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.ModelFormatException;

import ai.onnx.proto.OnnxMl;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            config = completedFromGraph(config, onnx.proto().getGraph(), folder.resolve(GenaiConfig.FILE_NAME), modelFile);
        } catch (IOException e) {
            throw new ModelFormatException(modelFile, "cannot be read: " + e.getMessage(), e);
        }
        return new ModelFolder(folder, config, modelFile, ops, ModelManifest.read(folder));
    }

    /**
     * The dimensions genai_config.json may leave out, read off the graph the way onnxruntime-genai sizes its
     * KV cache from the model's inputs: the layers are the past-key inputs, KV heads and head size their
     * dimensions 1 and 3 ({@code [batch, kv_heads, past_sequence, head_size]}), the vocabulary the logits'
     * last dimension.
     */
    private static GenaiConfig completedFromGraph(GenaiConfig config, OnnxMl.GraphProto graph, Path configFile, Path modelFile) {
        GenaiConfig.Decoder d = config.decoder();
        Map<String, OnnxMl.ValueInfoProto> inputs = new HashMap<>();
        graph.getInputList().forEach(v -> inputs.put(v.getName(), v));
        int layers = 0;
        while (inputs.containsKey(d.pastKey(layers))) {
            layers++;
        }
        int kvHeads = 0;
        int headSize = 0;
        if (layers > 0) {
            List<OnnxMl.TensorShapeProto.Dimension> dims = inputs.get(d.pastKey(0)).getType().getTensorType().getShape().getDimList();
            kvHeads = dims.size() == 4 && dims.get(1).hasDimValue() ? (int) dims.get(1).getDimValue() : 0;
            headSize = dims.size() == 4 && dims.get(3).hasDimValue() ? (int) dims.get(3).getDimValue() : 0;
        }
        int vocab = 0;
        for (OnnxMl.ValueInfoProto out : graph.getOutputList()) {
            if (out.getName().equals(d.logits())) {
                List<OnnxMl.TensorShapeProto.Dimension> dims = out.getType().getTensorType().getShape().getDimList();
                vocab = !dims.isEmpty() && dims.get(dims.size() - 1).hasDimValue() ? (int) dims.get(dims.size() - 1).getDimValue() : 0;
            }
        }
        GenaiConfig completed = config.completedBy(layers, kvHeads, headSize, vocab);
        String model = " in " + modelFile.getFileName();
        requireKnown(completed.decoder().numHiddenLayers(), "model.decoder.num_hidden_layers", "no graph input is named " + d.pastKey(0) + model, configFile);
        requireKnown(completed.decoder().numKeyValueHeads(), "model.decoder.num_key_value_heads", "dimension 1 of " + d.pastKey(0) + " is not fixed" + model, configFile);
        requireKnown(completed.decoder().headSize(), "model.decoder.head_size", "dimension 3 of " + d.pastKey(0) + " is not fixed" + model, configFile);
        requireKnown(completed.vocabSize(), "model.vocab_size", "the last dimension of output " + d.logits() + " is not fixed" + model, configFile);
        return completed;
    }

    private static void requireKnown(int value, String field, String why, Path configFile) {
        if (value <= 0) {
            throw new ModelFormatException(configFile, "missing field " + field + " (expected an integer), and the model cannot tell it: " + why);
        }
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
