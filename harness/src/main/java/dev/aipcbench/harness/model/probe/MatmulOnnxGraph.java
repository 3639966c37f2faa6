package dev.aipcbench.harness.model.probe;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.onnx.OnnxGraphBuilder;
import dev.aipcbench.harness.model.onnx.OnnxModelWriter;
import dev.aipcbench.harness.model.onnx.TensorContent;
import dev.aipcbench.harness.model.quantize.FloatMatrix;
import dev.aipcbench.harness.model.quantize.MatMulNBitsRewriter;
import dev.aipcbench.harness.model.synthetic.Phi3Weights;
import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model's largest projection alone, {@code Y[M, N] = X[M, K] W[K, N]}, as the onnx-genai model stores it:
 * a float MatMul at fp32/fp16, and at int8/int4 the same graph through {@link MatMulNBitsRewriter} with the
 * spec's block size and accuracy level, so the probe runs the very kernel a decode step runs. The weights are
 * the model's own layer-0 gate_up values (same seed).
 */
public final class MatmulOnnxGraph {
    public static final String FILE = "matmul.onnx";
    public static final String INPUT = "X";

    private MatmulOnnxGraph() {
    }

    public static ProbeGraph write(SyntheticSpec spec, Path folder) throws IOException {
        ModelDimensions d = spec.dims();
        ModelDimensions.Projection p = d.largestProjection();
        boolean half = spec.precision() == Precision.FP16;
        TensorProto.DataType type = half ? TensorProto.DataType.FLOAT16 : TensorProto.DataType.FLOAT;
        OnnxGraphBuilder g = new OnnxGraphBuilder("characterise_matmul");
        g.input(INPUT, type, "M", p.in());
        g.output("Y", type, "M", p.out());
        String weight = "model.layers.0.mlp." + p.name() + ".MatMul.weight";
        g.node("MatMul", "/" + p.name() + "/MatMul").inputs(INPUT, weight).outputs("Y").add();
        Map<String, TensorContent> pending = new LinkedHashMap<>();
        pending.put(weight, new FloatMatrix(new Phi3Weights(d, spec.seed()).projection(weight, p.in(), p.out()), half));
        ModelProto skeleton = g.build("aipc-bench", "characterise");
        if (spec.precision().isQuantized()) {
            GraphProto.Builder graph = skeleton.getGraph().toBuilder();
            pending = new MatMulNBitsRewriter(spec.precision().bits(), spec.blockSize(), spec.accuracyLevel()).rewrite(graph, pending);
            skeleton = skeleton.toBuilder().setGraph(graph).build();
        }
        long bytes = OnnxModelWriter.totalBytes(pending);
        OnnxModelWriter.write(folder.resolve(FILE), skeleton, pending, Progress.NONE);
        return new ProbeGraph(FILE, INPUT, half, p.in(), p.out(), bytes, false);
    }
}
