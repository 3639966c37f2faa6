package dev.aipcbench.harness.model.cost;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;
import dev.aipcbench.harness.model.synthetic.Phi3Graph;
import dev.aipcbench.harness.testing.TestModels;
import dev.aipcbench.results.TokenCost;
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
}
