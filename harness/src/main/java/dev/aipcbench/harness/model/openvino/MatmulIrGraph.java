package dev.aipcbench.harness.model.openvino;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.probe.ProbeGraph;
import dev.aipcbench.harness.model.synthetic.Phi3Weights;
import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The model's largest projection alone as an OpenVINO IR, {@code Y = X W^T} with the weight stored as the
 * model's IR stores its projections ({@link Phi3IrGraph#projectionFormat}: f32, f16, NNCF's int8 per channel
 * or int4 groups, with their decompression subgraphs), so the CPU plugin compiles the same compressed-weight
 * FullyConnected kernel a decode step runs. The model's layer-0 gate_up values (same seed) and its rt_info.
 */
public final class MatmulIrGraph {
    public static final String XML = "matmul.xml";
    public static final String BIN = "matmul.bin";
    public static final String INPUT = "X";

    private MatmulIrGraph() {
    }

    public static ProbeGraph write(SyntheticSpec spec, Path folder) throws IOException {
        OpenVinoIrWriter.validate(spec);
        ModelDimensions d = spec.dims();
        ModelDimensions.Projection p = d.largestProjection();
        String name = "model.layers.0.mlp." + p.name() + ".MatMul.weight";
        long bytes;
        try (IrBinFile bin = new IrBinFile(folder.resolve(BIN))) {
            IrGraph g = new IrGraph("characterise_matmul", bin);
            IrOps ops = new IrOps(g);
            IrGraph.Port x = g.parameter(INPUT, IrType.F32, "?," + p.in());
            IrGraph.Port w = new CompressedWeights(ops, n -> { }).write(name,
                    new Phi3Weights(d, spec.seed()).projectionByOutput(name, p.in(), p.out()), Phi3IrGraph.projectionFormat(spec.precision()),
                    spec.blockSize());
            g.result(ops.matmul(x, w, true), "Y");
            OpenVinoIrWriter.rtInfo(g, spec);
            g.write(folder.resolve(XML));
            bytes = g.constantBytes();
        }
        return new ProbeGraph(XML, INPUT, false, p.in(), p.out(), bytes, false);
    }
}
