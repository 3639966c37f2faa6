package dev.aipcbench.harness.runtime.openvino;

import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import dev.aipcbench.harness.testing.OpenVinoTestModels;
import dev.aipcbench.results.TokenAnatomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenVINO's per-layer profiling (PERF_COUNT) of a short generation on the tiny int4 IR, real OpenVINO on the CPU:
 * the prefill's and the last decode step's node times by node type, their shares summing to 100 %, the projections
 * (compressed-weight FullyConnected on the CPU plugin) among them, and the executed nodes' time inside the step
 * as the suite timed the infer call.
 */
class OvProfileTest {
    @TempDir
    Path tmp;

    @Test
    void perLayerProfilingSaysWhereEachStepsTimeWent() {
        OpenVinoRuntime runtime = new OpenVinoRuntime();
        assertTrue(runtime.installed(), () -> "OpenVINO's C API is needed by this test and did not load: " + runtime.version()
                + "; install it with ./run-bench.sh runtimes install (the openvino wheel in " + RuntimeEnvironment.current().root() + ")");
        Path folder = OpenVinoTestModels.tiny(Precision.INT4);
        Map<String, String> profile = runtime.executionProfile(folder, SessionSettings.cpu().withThreads(1).withMaxSequenceLength(64), tmp);

        for (TokenAnatomy.Step step : TokenAnatomy.Step.values()) {
            String share = profile.get(step.share());
            assertTrue(share != null && !share.isEmpty(), step + ": " + profile);
            double sum = Arrays.stream(share.split(", ")).mapToDouble(p -> Double.parseDouble(p.substring(p.lastIndexOf(' ') + 1, p.length() - 1))).sum();
            assertEquals(100, sum, 0.5, step + ": " + share);
            assertTrue(share.contains("FullyConnected"), "the projections: " + share);
            double stepMs = Double.parseDouble(profile.get(step.millis()));
            double kernelMs = Double.parseDouble(profile.get(step.kernelMillis()));
            assertTrue(kernelMs > 0 && kernelMs <= stepMs, step + ": the nodes ran inside the infer call: " + kernelMs + " of " + stepMs + " ms");
        }
        // profiled at the cell's own depth: the prompt fills the KV capacity (64) but for the steps after it
        int prompt = 64 - InferenceRuntime.PROFILED_STEPS - 1;
        assertEquals(Integer.toString(prompt), profile.get(TokenAnatomy.Step.PREFILL.tokens()));
        int depth = Integer.parseInt(profile.get(TokenAnatomy.Step.DECODE.tokens()));
        assertTrue(depth >= prompt && depth < prompt + InferenceRuntime.PROFILED_STEPS, "the median decode step after the prompt: " + depth);
    }
}
