package dev.aipcbench.harness.model.catalog;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.probe.ProbeGraph;
import dev.aipcbench.harness.model.synthetic.SyntheticSpec;
import dev.aipcbench.harness.runtime.GraphRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.onnxruntime.OrtRuntime;
import dev.aipcbench.harness.runtime.openvino.OpenVinoRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The characterise probes as written into a cache and run by the real runtimes on the cpu: the matmul of the
 * tiny model's largest projection (gate_up, [256, 1024]) as ONNX Runtime's MatMulNBits / MatMul and as OpenVINO's
 * compressed-weight MatMul, with the bytes a run reads; the accelerators' read reductions (run here on the cpu,
 * the only device this host has: the same graphs an execution provider or an OpenVINO GPU would get).
 */
class ProbeGraphsTest {
    private static final ModelDimensions TINY = ModelDimensions.tiny();
    private static final SessionSettings CPU = SessionSettings.cpu().withThreads(1);

    private static void runs(GraphRuntime runtime, Path folder, int rows, String provider) {
        try (GraphRuntime.BareGraph g = runtime.open(folder, ProbeGraph.read(folder), CPU, rows)) {
            g.run();
            g.run();
            assertEquals(provider, g.provider());
        }
    }

    @Test
    void matmulProbesAreTheLargestProjectionInTheFormatsOwnQuantisation(@TempDir Path tmp) throws IOException {
        ModelCache cache = new ModelCache(tmp);
        assertEquals(new ModelDimensions.Projection("gate_up_proj", 256, 1024), TINY.largestProjection());

        Path int4 = ProbeGraphs.matmul(cache, SyntheticSpec.of(ModelFormat.ONNX_GENAI, "tiny", TINY, Precision.INT4, 42));
        ProbeGraph q = ProbeGraph.read(int4);
        assertEquals(256, q.k());
        assertEquals(1024, q.n());
        // MatMulNBits, block 32: 4-bit codes of 256 x 1024 weights plus one fp32 scale per block
        assertEquals(256 * 1024 / 2 + 1024 * (256 / 32) * 4, q.weightBytes());
        assertEquals(4, ModelManifest.read(int4).orElseThrow().accuracyLevel(), "the generator's accuracy level");
        runs(new OrtRuntime(), int4, 1, "CPUExecutionProvider");
        runs(new OrtRuntime(), int4, 512, "CPUExecutionProvider");

        Path fp16 = ProbeGraphs.matmul(cache, SyntheticSpec.of(ModelFormat.ONNX_GENAI, "tiny", TINY, Precision.FP16, 42));
        assertEquals(256L * 1024 * 2, ProbeGraph.read(fp16).weightBytes());
        assertTrue(ProbeGraph.read(fp16).halfInput());
        runs(new OrtRuntime(), fp16, 1, "CPUExecutionProvider");

        OpenVinoRuntime openvino = new OpenVinoRuntime();
        assertTrue(openvino.installed(), openvino.version());
        Path ir = ProbeGraphs.matmul(cache, SyntheticSpec.of(ModelFormat.OPENVINO_IR, "tiny", TINY, Precision.INT4, 42));
        ProbeGraph g = ProbeGraph.read(ir);
        // NNCF's int4 in groups of 128: 4-bit codes, one f16 scale per group, and the decompression Reshape's two i64
        assertEquals(256 * 1024 / 2 + 1024 * (256 / 128) * 2 + 16, g.weightBytes());
        runs(openvino, ir, 1, "CPU");
        runs(openvino, ir, 512, "CPU");
        assertEquals(ir, ProbeGraphs.matmul(cache, SyntheticSpec.of(ModelFormat.OPENVINO_IR, "tiny", TINY, Precision.INT4, 42)),
                "cached once");
    }

    @Test
    void readReductionsRunOnTheirRuntimes(@TempDir Path tmp) throws IOException {
        ModelCache cache = new ModelCache(tmp);
        Path onnx = ProbeGraphs.readReduction(cache, ModelFormat.ONNX_GENAI, 4);
        assertEquals(4L << 20, ProbeGraph.read(onnx).weightBytes());
        assertTrue(ProbeGraph.read(onnx).foldable(), "a reduction of a constant: run unoptimised");
        runs(new OrtRuntime(), onnx, 1, "CPUExecutionProvider");
        Path ir = ProbeGraphs.readReduction(cache, ModelFormat.OPENVINO_IR, 4);
        assertEquals(4L << 20, ProbeGraph.read(ir).weightBytes());
        runs(new OpenVinoRuntime(), ir, 1, "CPU");
        assertEquals(Device.CPU, CPU.device());
    }
}
