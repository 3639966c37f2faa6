package dev.aipcbench.harness.runtime.openvinogenai;

import dev.aipcbench.harness.testing.OpenVinoTestModels;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.runtime.onnxruntime.OrtRuntime;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Python way in, for real: the runtime environment's openvino-genai wheel runs the suite's tiny IR
 * folders through LLMPipeline on CPU.
 */
class OvGenaiPythonSessionTest {
    private static final int[] PROMPT = {1, 450, 4996, 17354, 1701, 29916, 432, 17204};

    private static SessionSettings cpu(Map<String, String> options) {
        return new SessionSettings(Device.CPU, 2, "all", 0, options, null, null);
    }

    private static int[] generate(GenerationSession session, int tokens) {
        TokenTimeline timeline = new TokenTimeline(tokens);
        session.generate(PROMPT, tokens, timeline);
        assertEquals(tokens, timeline.count());
        return timeline.tokens();
    }

    @Test
    void atFp32TheFirst16GreedyTokensAreTheOrtLoopsOnTheSameSeed() {
        int[] expected;
        try (GenerationSession ort = new OrtRuntime().open(TestModels.tiny(Precision.FP32), SessionSettings.cpu())) {
            expected = generate(ort, 16);
        }
        // fp32 arithmetic throughout: OpenVINO's CPU plugin may otherwise compute in bf16 (CPUs with
        // AMX/AVX512-BF16) and keeps the KV cache in u8 by default.
        Map<String, String> fp32 = Map.of("INFERENCE_PRECISION_HINT", "f32", "KV_CACHE_PRECISION", "f32");
        try (GenerationSession ov = OpenVinoIrModels.runtime().open(OpenVinoTestModels.tiny(Precision.FP32), cpu(fp32))) {
            assertArrayEquals(expected, generate(ov, 16));
        }
    }

    @Test
    void everyPrecisionGeneratesWithTheDriversTheSuitesAndGenaisTimingsRecorded() {
        OpenVinoGenaiRuntime runtime = OpenVinoIrModels.runtime();
        for (Precision precision : List.of(Precision.FP32, Precision.FP16, Precision.INT8, Precision.INT4)) {
            try (GenerationSession s = runtime.open(OpenVinoTestModels.tiny(precision), cpu(Map.of()))) {
                TokenTimeline timeline = new TokenTimeline(12);
                s.generate(PROMPT, 12, timeline);
                assertEquals(12, timeline.count(), precision.id());
                assertEquals(PROMPT.length, timeline.promptTokens());
                for (int i = 0; i < 12; i++) {
                    assertTrue(timeline.token(i) >= 0 && timeline.token(i) < s.info().vocabSize(), precision + " token " + i);
                    assertTrue(timeline.latencyNanos(i) > 0 && timeline.runtimeNanos(i) > 0, precision + " token " + i);
                }
                Map<String, String> d = s.info().details();
                assertEquals("python", d.get("api"));
                assertEquals("12.0", d.get("openvino.generated_tokens"), precision.id());
                assertEquals(Double.toString(PROMPT.length), d.get("openvino.input_tokens"));
                for (String key : List.of("openvino.ttft_ms", "openvino.tpot_ms", "openvino.load_time_ms", "driver.ttft_ms", "driver.tpot_ms",
                        "java.ttft_ms", "java.tpot_ms", "driver.delivery_lag_us")) {
                    assertTrue(Double.parseDouble(d.get(key)) > 0, precision + " " + key + " = " + d.get(key));
                }
                assertEquals("{PERFORMANCE_HINT=LATENCY, NUM_STREAMS=1, INFERENCE_NUM_THREADS=2}", d.get("properties"));
                assertEquals("OpenVINO CPU (openvino_genai python)", s.info().provider());
                assertEquals(2, s.info().layers());
            }
        }
    }

    @Test
    void oneDriverServesGenerationAfterGenerationAndGreedyRepeatsItself() {
        try (GenerationSession s = OpenVinoIrModels.runtime().open(OpenVinoTestModels.tiny(Precision.INT4), cpu(Map.of()))) {
            int[] first = generate(s, 6);
            assertArrayEquals(first, generate(s, 6));
            assertEquals(32064, s.info().vocabSize());
        }
    }

    @Test
    void theCompileCacheIsTheCacheDir(@TempDir Path cache) throws java.io.IOException {
        SessionSettings settings = new SessionSettings(Device.CPU, 0, "all", 0, Map.of(), cache, null);
        try (GenerationSession s = OpenVinoIrModels.runtime().open(OpenVinoTestModels.tiny(Precision.FP16), settings)) {
            assertEquals("{PERFORMANCE_HINT=LATENCY, NUM_STREAMS=1, CACHE_DIR=" + cache + "}", s.info().details().get("properties"));
        }
        try (var files = java.nio.file.Files.list(cache)) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".blob")), "OpenVINO wrote no compiled blob into " + cache);
        }
    }

    @Test
    void aFolderGenaiCannotLoadFailsWithGenaisMessage(@TempDir Path tmp) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OpenVinoIrModels.runtime().open(tmp, cpu(Map.of())));
        assertTrue(e.getMessage().startsWith("OpenVINO GenAI failed while loading " + tmp + " on CPU: LLMPipeline(" + tmp
                + ", CPU) failed: RuntimeError: "), e.getMessage());
    }

    @Test
    void devicesOpenVinoDoesNotReportAreSkippedWithItsOwnList() {
        OpenVinoGenaiRuntime runtime = OpenVinoIrModels.runtime();
        List<String> devices = runtime.providers();
        assertTrue(devices.contains("CPU"), devices.toString());
        assertTrue(runtime.availability(Device.CPU, Precision.INT4).isAvailable());
        assertTrue(runtime.version().startsWith("2026."), runtime.version());
        if (!devices.contains("NPU")) {
            Availability npu = runtime.availability(Device.NPU, Precision.INT4);
            assertEquals(Availability.Kind.SKIPPED, npu.kind());
            assertEquals("no NPU found: OpenVINO devices = " + devices, npu.reason());
        }
        if (devices.stream().noneMatch(d -> d.startsWith("GPU"))) {
            assertEquals("no integrated GPU found: OpenVINO devices = " + devices, runtime.availability(Device.IGPU, Precision.INT4).reason());
        }
    }

    @Test
    void byDefaultWithoutTheCApiTheRuntimeEnvironmentsPythonIsTheWayIn() {
        // No openvino_genai_c is installable here, so the default lookup finds none and falls to Python.
        OpenVinoGenaiRuntime runtime = new OpenVinoGenaiRuntime();
        assertTrue(runtime.version().startsWith("2026."), runtime.version());
        assertEquals("python package, " + OpenVinoIrModels.python(), runtime.location());
    }

    @Test
    void aPythonWithoutTheModuleIsSkippedQuotingPythonsError(@TempDir Path tmp) throws Exception {
        Path venv = tmp.resolve("bare");
        Process p = new ProcessBuilder(OpenVinoIrModels.python().toString(), "-m", "venv", "--without-pip", venv.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        Path python = venv.resolve("bin").resolve("python3");
        Availability a = OpenVinoGenaiRuntime.python(python).availability(Device.CPU, Precision.INT4);
        assertEquals(Availability.Kind.SKIPPED, a.kind());
        assertEquals("runtime library not installed: python module openvino_genai not importable (" + python
                + ": ModuleNotFoundError: No module named 'openvino')", a.reason());
    }
}
