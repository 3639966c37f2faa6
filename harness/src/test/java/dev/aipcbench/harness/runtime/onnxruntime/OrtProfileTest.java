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

    /**
     * A split between two execution providers, as ORT's profiler reports one: this host's ONNX Runtime builds carry
     * only the CPU provider and the OpenVINO EP plugin offers no device on an AMD CPU, so the trace is a real one of
     * the tiny model whose MatMulNBits kernels are relabelled the way an OpenVINO EP partition appears (one fused
     * node per subgraph, op {@code OpenVINO-EP-subgraph_N}, provider {@code OpenVINOExecutionProvider}). The split
     * reads: the EP's fused node, and the nodes left to the CPU provider, each counted.
     */
    @Test
    void aSplitBetweenTwoProvidersIsCountedPerProvider() throws Exception {
        Path folder = TestModels.tiny(Precision.INT4);
        Path trace;
        try (OrtGenerationSession s = OrtGenerationSession.open(dev.aipcbench.harness.model.onnx.ModelFolder.open(folder),
                SessionSettings.cpu().withThreads(1), tmp.resolve("split"))) {
            s.decode(s.prefill(new int[] {1, 2, 3, 4}));
            trace = s.endProfiling();
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode events = (com.fasterxml.jackson.databind.node.ArrayNode) json.readTree(trace.toFile());
        int relabelled = 0;
        for (com.fasterxml.jackson.databind.JsonNode e : events) {
            com.fasterxml.jackson.databind.JsonNode args = e.path("args");
            if (e.path("name").asText().endsWith("_kernel_time") && args.path("op_name").asText().equals("MatMulNBits")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("name", "OpenVINOExecutionProvider_OpenVINO-EP-subgraph_1_0_kernel_time");
                ((com.fasterxml.jackson.databind.node.ObjectNode) args).put("op_name", "OpenVINO-EP-subgraph_1");
                ((com.fasterxml.jackson.databind.node.ObjectNode) args).put("provider", "OpenVINOExecutionProvider");
                relabelled++;
            }
        }
        assertTrue(relabelled > 0, "the real trace has MatMulNBits kernels");
        Path split = tmp.resolve("split-trace.json");
        json.writeValue(split.toFile(), events);

        String before = OrtProfile.read(trace).describeAssignment();
        String after = OrtProfile.read(split).describeAssignment();
        int cpuNodesBefore = Integer.parseInt(before.substring("CPUExecutionProvider ".length(), before.indexOf(" node")));
        int matmuls = OrtProfile.read(trace).assignment().get("CPUExecutionProvider").get("MatMulNBits");
        assertEquals("CPUExecutionProvider " + (cpuNodesBefore - matmuls) + " nodes", after.substring(0, after.indexOf(" (")), after);
        assertTrue(after.contains("; OpenVINOExecutionProvider 1 node (OpenVINO-EP-subgraph_1 1)"), after);
        assertTrue(!after.contains("MatMulNBits"), "what the EP took is no longer counted on the CPU: " + after);
    }
}
