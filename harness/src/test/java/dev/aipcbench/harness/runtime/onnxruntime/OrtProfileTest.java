package dev.aipcbench.harness.runtime.onnxruntime;

import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.testing.TestModels;
import dev.aipcbench.results.TokenAnatomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ONNX Runtime's own profiler on the tiny int4 folder: the node assignment names the provider that ran every
 * node (here the CPU provider, the only one this build has; an OpenVINO EP partition would be a second entry),
 * with one MatMulNBits per projection of every layer plus the LM head; the operator shares of a step sum to 100 %,
 * and the step's time as ONNX Runtime timed it holds its kernels' time.
 */
class OrtProfileTest {
    @TempDir
    Path tmp;

    @Test
    void theProfilerSaysWhichProviderRanEachNodeAndWhereAStepsTimeWent() throws Exception {
        Path folder = TestModels.tiny(Precision.INT4);
        int layers = dev.aipcbench.harness.model.onnx.GenaiConfig.read(folder).decoder().numHiddenLayers();
        Map<String, String> profile = new OrtRuntime().executionProfile(folder, SessionSettings.cpu().withThreads(1), tmp);

        String assignment = profile.get("ep_node_assignment");
        assertTrue(assignment.startsWith("CPUExecutionProvider "), assignment);
        assertTrue(assignment.contains("MatMulNBits " + (4 * layers + 1)), "q/k/v, o, gate/up, down per layer and the LM head: " + assignment);
        assertTrue(assignment.contains("GroupQueryAttention " + layers), assignment);

        for (String step : new String[] {"prefill_op_share", "decode_op_share"}) {
            String share = profile.get(step);
            double sum = Arrays.stream(share.split(", ")).mapToDouble(p -> Double.parseDouble(p.substring(p.lastIndexOf(' ') + 1, p.length() - 1))).sum();
            assertEquals(100, sum, 0.5, step + ": " + share);
            assertTrue(share.contains("MatMulNBits"), share);
        }
        for (TokenAnatomy.Step step : TokenAnatomy.Step.values()) {
            double stepMs = Double.parseDouble(profile.get(step.millis()));
            double kernelMs = Double.parseDouble(profile.get(step.kernelMillis()));
            assertTrue(kernelMs > 0 && kernelMs <= stepMs, step + ": the kernels run inside the step: " + kernelMs + " of " + stepMs + " ms");
        }
        assertEquals("8", profile.get(TokenAnatomy.Step.PREFILL.tokens()), "the profiled prompt");
        int depth = Integer.parseInt(profile.get(TokenAnatomy.Step.DECODE.tokens()));
        assertTrue(depth >= 8 && depth < 8 + InferenceRuntime.PROFILED_STEPS, "the median decode step after the 8-token prompt: " + depth);
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count(), "the trace file is removed");
        }
    }
}
