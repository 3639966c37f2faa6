package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Greedy sampling inside the runtime, as onnxruntime-genai and OpenVINO GenAI sample in native code:
 * the decoder graph is given, in memory, a {@code TopK(k=1)} over the last position's logits and a
 * {@code next_token} output. A decode step then hands back one int64 instead of copying a 32064-wide
 * logits row into Java and scanning it there, and device execution providers can keep the logits on
 * the device. TopK rather than ArgMax: on ONNX Runtime 1.29's CPU provider, ArgMax over 32064 floats
 * takes about 20 us and TopK(k=1) about 9 us, the same as the Java copy-and-scan it replaces
 * (measured with one-node graphs, ORT Java's 3 us per call subtracted). Both break ties towards the
 * lowest id. The model on disk is not touched: the session is created from the amended bytes, with
 * external weights still read from the model's folder.
 */
final class GreedyHead {
    /** The output the suite adds; unlikely to collide with a model's own names. */
    static final String NEXT_TOKEN = "aipc_bench.next_token";
    static final String EXTERNAL_FOLDER_KEY = "session.model_external_initializers_file_folder_path";

    private GreedyHead() {
    }

    /** The model's bytes with the greedy head appended after {@code logitsName}. */
    static byte[] amendedModel(ModelFolder folder, String logitsName) {
        ModelProto model;
        try (OnnxModelFile f = OnnxModelFile.open(folder.modelFile())) {
            model = f.proto();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GraphProto.Builder g = model.getGraph().toBuilder();
        String last = "/aipc_bench/greedy/last_position";
        g.addInitializer(TensorProto.newBuilder().setName("/aipc_bench/greedy/minus_one")
                .setDataType(TensorProto.DataType.INT64_VALUE).addInt64Data(-1));
        g.addNode(NodeProto.newBuilder().setOpType("Gather").setName("/aipc_bench/greedy/Gather")
                .addInput(logitsName).addInput("/aipc_bench/greedy/minus_one").addOutput(last)
                .addAttribute(intAttr("axis", 1)));
        g.addInitializer(TensorProto.newBuilder().setName("/aipc_bench/greedy/k")
                .setDataType(TensorProto.DataType.INT64_VALUE).addDims(1).addInt64Data(1));
        g.addNode(NodeProto.newBuilder().setOpType("TopK").setName("/aipc_bench/greedy/TopK")
                .addInput(last).addInput("/aipc_bench/greedy/k").addOutput("/aipc_bench/greedy/top_value").addOutput(NEXT_TOKEN)
                .addAttribute(intAttr("axis", -1)).addAttribute(intAttr("largest", 1)).addAttribute(intAttr("sorted", 1)));
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1)).build();
        g.addOutput(ValueInfoProto.newBuilder().setName(NEXT_TOKEN).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.INT64_VALUE).setShape(shape))));
        return model.toBuilder().setGraph(g).build().toByteArray();
    }

    private static AttributeProto intAttr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }
}
