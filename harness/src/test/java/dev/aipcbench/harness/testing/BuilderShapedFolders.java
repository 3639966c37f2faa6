package dev.aipcbench.harness.testing;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Copies of the synthetic tiny folders reshaped the way earlier versions of onnxruntime-genai's model
 * builder wrote theirs: genai_config.json edited (sections or fields left out, names changed), the model
 * file renamed, or a position_ids input added to the graph. Everything happens in test temp folders.
 */
public final class BuilderShapedFolders {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BuilderShapedFolders() {
    }

    /** A copy of {@code source} in {@code target}. */
    public static Path copy(Path source, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits the folder's genai_config.json as a JSON tree. */
    public static Path editConfig(Path folder, Consumer<ObjectNode> edit) {
        Path c = folder.resolve("genai_config.json");
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(c.toFile());
            edit.accept(root);
            Files.writeString(c, JSON.writeValueAsString(root));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model's {@code model.decoder} object of a config tree. */
    public static ObjectNode decoder(ObjectNode root) {
        return (ObjectNode) root.get("model").get("decoder");
    }

    /** Renames model.onnx (its external data keeps its name, as the builder's folders do) and the config's reference. */
    public static Path renameModel(Path folder, String name) {
        try {
            Files.move(folder.resolve("model.onnx"), folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return editConfig(folder, root -> decoder(root).put("filename", name));
    }

    /**
     * A copy of a tiny fp32 folder whose graph also takes position_ids (GPT-2-style learned position
     * embeddings added to the token embeddings, {@code positions} rows), named in genai_config.json.
     */
    public static Path withPositionIds(Path source, Path target, int hidden, int positions) {
        copy(source, target);
        try {
            ModelProto model;
            try (OnnxModelFile f = OnnxModelFile.open(source.resolve("model.onnx"))) {
                model = f.proto();
            }
            GraphProto.Builder g = model.getGraph().toBuilder();
            String embeds = "/model/embed_tokens/Gather/output_0";
            for (int i = 0; i < g.getNodeCount(); i++) {
                if (g.getNode(i).getOutput(0).equals(embeds)) {
                    g.setNode(i, g.getNode(i).toBuilder().setOutput(0, "token_embeds"));
                }
            }
            TensorProto.Builder table = TensorProto.newBuilder().setName("position_table").setDataType(TensorProto.DataType.FLOAT_VALUE)
                    .addDims(positions).addDims(hidden);
            java.util.SplittableRandom r = new java.util.SplittableRandom(7);
            for (int i = 0; i < positions * hidden; i++) {
                table.addFloatData((float) r.nextGaussian());
            }
            g.addInitializer(table);
            g.addNode(NodeProto.newBuilder().setOpType("Gather").setName("positions/Gather").addInput("position_table")
                    .addInput("position_ids").addOutput("position_embeds"));
            g.addNode(NodeProto.newBuilder().setOpType("Add").setName("positions/Add").addInput("token_embeds")
                    .addInput("position_embeds").addOutput(embeds));
            g.addInput(ValueInfoProto.newBuilder().setName("position_ids").setType(TypeProto.newBuilder().setTensorType(
                    TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.INT64_VALUE).setShape(TensorShapeProto.newBuilder()
                            .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size"))
                            .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("sequence_length"))))));
            Files.write(target.resolve("model.onnx"), model.toBuilder().setGraph(g).build().toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return editConfig(target, root -> ((ObjectNode) decoder(root).get("inputs")).put("position_ids", "position_ids"));
    }
}
