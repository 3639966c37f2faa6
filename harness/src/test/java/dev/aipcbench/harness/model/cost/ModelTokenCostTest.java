package dev.aipcbench.harness.model.cost;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;
import dev.aipcbench.harness.model.synthetic.Phi3Graph;
import dev.aipcbench.harness.testing.TestModels;
import dev.aipcbench.results.TokenCost;
import dev.aipcbench.harness.testing.OpenVinoTestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The bytes a decode step reads, from the model's dimensions, against the tiny model's initializers as written
 * on disk: every initializer read in full (projections, their scales, norms, the LM head) except the embedding
 * table, of which a step reads one row, the rotary tables, of which it reads one position, and the int64 shape
 * constants of the graph's plumbing.
 */
class ModelTokenCostTest {
    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FP32", "INT4"})
    void aDecodeStepReadsEveryInitializerOnDiskButTheEmbeddingTable(Precision p) throws Exception {
        Path folder = TestModels.tiny(p);
        ModelTokenCost.Result result = ModelTokenCost.of(folder);
        TokenCost cost = result.cost();
        assertNotNull(cost, result.unknown());

        ModelDimensions d = ModelDimensions.tiny();
        long onDisk = 0;
        try (OnnxModelFile model = OnnxModelFile.open(folder.resolve("model.onnx"))) {
            for (TensorProto t : model.initializers().values()) {
                long bytes = model.bytes(t).remaining();
                if (t.getName().equals(Phi3Graph.EMBEDDING)) {
                    onDisk += bytes / d.vocab();
                } else if (!t.getName().endsWith("_cache") && t.getDataType() != TensorProto.DataType.INT64_VALUE) {
                    onDisk += bytes;
                }
            }
        }
        assertEquals(onDisk, cost.weightBytes(), p + ": the formula's bytes against the initializers' bytes on disk");
        assertEquals(2L * d.layers() * d.kvWidth() * 4, cost.kvBytesPerPosition(), "K and V of every layer, fp32");
        assertEquals(2 * d.parameterCount() - 2L * d.vocab() * d.hidden() - 2L * (2L * d.layers() + 1) * d.hidden(),
                cost.linearFlops(), "2 FLOPs per matmul weight: every parameter but the embedding table and the norm gains");
    }

    /** The same against the IR: every Const of the model's weights as its .xml sizes it, the embedding's (codes, scale, zero point) a row. */
    @Test
    void anOpenVinoDecodeStepReadsEveryWeightConstantButTheEmbeddingTable() throws Exception {
        Path folder = OpenVinoTestModels.tiny(Precision.INT4);
        TokenCost cost = ModelTokenCost.of(folder).cost();
        ModelDimensions d = ModelDimensions.tiny();
        org.w3c.dom.NodeList layers = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(folder.resolve("openvino_model.xml").toFile()).getElementsByTagName("layer");
        long onDisk = 0;
        for (int i = 0; i < layers.getLength(); i++) {
            org.w3c.dom.Element layer = (org.w3c.dom.Element) layers.item(i);
            String name = layer.getAttribute("name");
            // the weights are named after the model's tensors; the rotary tables are read one position a step
            if (!layer.getAttribute("type").equals("Const") || !(name.startsWith("model.") || name.startsWith("lm_head"))
                    || name.contains("rotary_emb")) {
                continue;
            }
            long size = Long.parseLong(((org.w3c.dom.Element) layer.getElementsByTagName("data").item(0)).getAttribute("size"));
            onDisk += name.startsWith(Phi3Graph.EMBEDDING) ? size / d.vocab() : size;
        }
        assertEquals(onDisk, cost.weightBytes(), "int4 projections, the 8-bit embedding row and LM head, f32 norms");
    }
}
