package dev.aipcbench.harness.model.probe;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.onnx.OnnxGraphBuilder;
import dev.aipcbench.harness.model.onnx.OnnxModelWriter;
import dev.aipcbench.harness.model.onnx.TensorContent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * An accelerator's read bandwidth through ONNX Runtime: {@code ReduceSum} over one fp32 initializer of the
 * given size, which the execution provider places in the device's memory at session creation, so every run
 * reads it there once. Without inputs the whole graph is a constant, which ONNX Runtime's optimiser would fold
 * at load ({@link ProbeGraph#foldable()}): it runs unoptimised.
 */
public final class ReadReductionOnnxGraph {
    public static final String FILE = "read.onnx";

    private ReadReductionOnnxGraph() {
    }

    public static ProbeGraph write(long bytes, Path folder) throws IOException {
        long values = bytes / 4;
        OnnxGraphBuilder g = new OnnxGraphBuilder("characterise_read");
        g.output("sum", TensorProto.DataType.FLOAT);
        g.node("ReduceSum", "/read/ReduceSum").inputs("buffer").outputs("sum").attr("keepdims", 0L).add();
        TensorContent ones = new TensorContent() {
            @Override
            public TensorProto.DataType type() {
                return TensorProto.DataType.FLOAT;
            }

            @Override
            public long[] dims() {
                return new long[] {values};
            }

            @Override
            public long byteLength() {
                return values * 4;
            }

            @Override
            public void fill(ByteBuffer dst) {
                for (long i = 0; i < values; i++) {
                    dst.putFloat((int) (i * 4), 1f);
                }
            }
        };
        OnnxModelWriter.write(folder.resolve(FILE), g.build("aipc-bench", "characterise"), Map.of("buffer", ones), Progress.NONE);
        return new ProbeGraph(FILE, null, false, 0, 0, values * 4, true);
    }
}
