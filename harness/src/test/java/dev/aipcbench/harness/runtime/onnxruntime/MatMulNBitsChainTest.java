package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weights-only chain of the tiny int4 model: every MatMulNBits of the model, its own weights, and runnable. */
class MatMulNBitsChainTest {
    @Test
    void chainsEveryMatMulNBitsOfTheModelWithItsOwnWeights() {
        ModelFolder folder = ModelFolder.open(TestModels.tiny(Precision.INT4));
        int layers = folder.config().decoder().numHiddenLayers();
        MatMulNBitsChain.Graph g = MatMulNBitsChain.Graph.of(folder);
        Map<String, Long> ops = g.model.getGraph().getNodeList().stream()
                .collect(Collectors.groupingBy(NodeProto::getOpType, Collectors.counting()));
        // four per layer (qkv, o, gate_up, down) and the LM head; qkv and gate_up are cut to the next one's K
        assertEquals(Map.of("MatMulNBits", 4L * layers + 1, "Slice", 2L * layers), ops);
        long expected;
        try (OnnxModelFile f = OnnxModelFile.open(folder.modelFile())) {
            expected = f.proto().getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("MatMulNBits"))
                    .flatMap(n -> n.getInputList().subList(1, n.getInputCount()).stream()).distinct()
                    .mapToLong(name -> {
                        TensorProto t = f.initializer(name);
                        return OnnxModelFile.elementCount(t) * (t.getDataType() == TensorProto.DataType.UINT8_VALUE ? 1 : 4);
                    }).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(expected, g.weightBytes);
        try (MatMulNBitsChain chain = MatMulNBitsChain.open(folder, SessionSettings.cpu().withThreads(1))) {
            assertEquals(4 * layers + 1, chain.nodes());
            chain.run(); // throws if ONNX Runtime cannot run the chain
        }
    }

    @Test
    void aFloatModelHasNoChainAndSaysSo() {
        ModelFolder folder = ModelFolder.open(TestModels.tiny(Precision.FP32));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> MatMulNBitsChain.open(folder, SessionSettings.cpu()));
        assertTrue(e.getMessage().contains("model.onnx") && e.getMessage().contains("no MatMulNBits"), e.getMessage());
    }
}
