package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What neither real build here can show, on the gcc-built fake libllama (fake_llama.c): GPU offload (no
 * GPU backend is installable on this machine: both real builds are CPU-only) and the mid-2024 API
 * generation (old function names, a seed leading the context params, the four-argument
 * {@code llama_batch_get_one}), which both real builds have left behind. Everything else is tested on the
 * real builds.
 */
class LlamaCppFakeBuildsTest {
    private static final int[] PROMPT = {1, 300, 17, 42, 400, 80, 12, 7, 99, 5};

    @TempDir
    static Path tmp;
    private static Path old;
    private static Path gpu;
    private static Path oldGpu;
    private static Path model;

    @BeforeAll
    static void buildFakes() throws IOException {
        old = FakeLlama.build(tmp.resolve("old"), "FAKE_OLD_API");
        gpu = FakeLlama.build(tmp.resolve("gpu"), "FAKE_GPU");
        oldGpu = FakeLlama.build(tmp.resolve("old-gpu"), "FAKE_OLD_API", "FAKE_GPU");
        model = FakeLlama.model(tmp.resolve("models/toy.gguf"));
    }

    private static LlamaCppSession open(Path library, SessionSettings settings) {
        return (LlamaCppSession) new LlamaCppRuntime(library).open(model, settings);
    }

    @Test
    void aGpuBuildRunsBothGpusAndListsGgmlsDevices() {
        LlamaCppRuntime runtime = new LlamaCppRuntime(gpu);
        assertTrue(runtime.availability(Device.IGPU, Precision.FP16).isAvailable());
        assertTrue(runtime.availability(Device.DGPU, Precision.FP16).isAvailable());
        assertEquals(List.of("CPU (fake CPU)", "FakeGPU0 (fake integrated GPU)"), runtime.providers());
    }

    @Test
    void cpuOffloadsNothingAndAGpuTakesEveryLayerOnItsOwn() {
        for (Path library : new Path[] {gpu, oldGpu}) {
            FakeLlama.Probe probe = FakeLlama.probe(library);
            try (LlamaCppSession s = open(library, SessionSettings.cpu())) {
                assertEquals(0, probe.fake_last_n_gpu_layers(), library.toString());
                assertEquals(1, probe.fake_last_split_mode());
                assertEquals("CPU", s.info().provider());
            }
            SessionSettings onGpu1 = new SessionSettings(Device.IGPU, 0, "all", 32, Map.of("main_gpu", "1"), null, null);
            try (LlamaCppSession s = open(library, onGpu1)) {
                assertEquals(999, probe.fake_last_n_gpu_layers(), library.toString());
                assertEquals(0, probe.fake_last_split_mode());
                assertEquals(1, probe.fake_last_main_gpu());
                assertEquals("GPU offload (n_gpu_layers=999, main_gpu=1)", s.info().provider());
            }
        }
    }

    @Test
    void theOldApiGenerationIsBoundAndGeneratesTheToyModelsTokens() {
        assertTrue(new LlamaCppRuntime(old).version().contains("API llama_load_model_from_file, llama_new_context_with_model,"
                + " llama_kv_cache_seq_rm, llama_n_vocab"), new LlamaCppRuntime(old).version());
        try (LlamaCppSession s = open(old, SessionSettings.cpu().withMaxSequenceLength(64))) {
            TokenTimeline timeline = new TokenTimeline(12);
            s.generate(PROMPT, 12, timeline);
            assertArrayEquals(FakeLlama.expected(PROMPT, 12), timeline.tokens());
            assertEquals("64", s.info().details().get("n_ctx"));
            int depth = s.length();
            int next = s.decode(timeline.tokens()[11]);
            s.decode(next);
            s.truncate(depth);
            assertEquals(next, s.decode(timeline.tokens()[11]));
        }
        try (LlamaCppSession s = open(old, SessionSettings.cpu())) {
            assertEquals(FakeLlama.CONTEXT_TRAIN, s.contextSize());
        }
    }
}
