package dev.aipcbench.harness.model.openvino;

import dev.aipcbench.harness.model.probe.ProbeGraph;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An accelerator's read bandwidth through OpenVINO: {@code ReduceSum} over its one input, {@code [1, n]} f32,
 * bound once over the suite's buffer. OpenVINO folds a reduction of a Constant when it compiles, so unlike
 * ONNX Runtime's graph the buffer is the input: on an iGPU or an NPU, which read the host's memory, that is
 * the device's own memory; a discrete GPU would read it over its bus (the host link's bandwidth, not its
 * VRAM's).
 */
public final class ReadReductionIrGraph {
    public static final String XML = "read.xml";
    public static final String BIN = "read.bin";
    public static final String INPUT = "buffer";

    private ReadReductionIrGraph() {
    }

    public static ProbeGraph write(long bytes, Path folder) throws IOException {
        long values = bytes / 4;
        if (values > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("a read reduction of " + (bytes >> 20) + " MiB: at most 2047 MiB fit one OpenVINO input here");
        }
        try (IrBinFile bin = new IrBinFile(folder.resolve(BIN))) {
            IrGraph g = new IrGraph("characterise_read", bin);
            IrOps ops = new IrOps(g);
            IrGraph.Port x = g.parameter(INPUT, IrType.F32, "1," + values);
            g.result(ops.reduceSum(x, 0, 1), "sum");
            g.write(folder.resolve(XML));
        }
        return new ProbeGraph(XML, INPUT, false, (int) values, 0, values * 4, false);
    }
}
