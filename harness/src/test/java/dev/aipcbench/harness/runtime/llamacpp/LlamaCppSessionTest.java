package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlamaCppSessionTest {
    private static final int[] PROMPT = {1, 300, 17, 42, 400, 80, 12, 7, 99, 5};

    @TempDir
    static Path tmp;
    private static Path current;
    private static Path old;
    private static Path gpu;
    private static Path oldGpu;
    private static Path model;

    @BeforeAll
    static void buildFakes() throws IOException {
        current = FakeLlama.build(tmp.resolve("current"));
        old = FakeLlama.build(tmp.resolve("old"), "FAKE_OLD_API");
        gpu = FakeLlama.build(tmp.resolve("gpu"), "FAKE_GPU");
        oldGpu = FakeLlama.build(tmp.resolve("old-gpu"), "FAKE_OLD_API", "FAKE_GPU");
        model = FakeLlama.model(tmp.resolve("models/toy.gguf"));
    }

    private static LlamaCppSession open(Path library, SessionSettings settings) {
        return (LlamaCppSession) new LlamaCppRuntime(library).open(model, settings);
    }

    @Test
    void bothApiGenerationsGenerateTheModelsGreedyTokensIntoAFilledTimeline() {
        for (Path library : new Path[] {current, old}) {
            try (LlamaCppSession s = open(library, SessionSettings.cpu().withMaxSequenceLength(64))) {
                TokenTimeline timeline = new TokenTimeline(12);
                s.generate(PROMPT, 12, timeline);
                assertEquals(12, timeline.count(), library.toString());
                assertArrayEquals(FakeLlama.expected(PROMPT, 12), timeline.tokens(), library.toString());
                assertTrue(timeline.ttftNanos() > 0);
                assertTrue(timeline.runtimeNanos(0) > 0 && timeline.runtimeNanos(11) > 0);
                assertEquals(PROMPT.length + 11, s.length());
                assertEquals(FakeLlama.VOCAB, s.info().vocabSize());
                assertEquals(3, s.info().layers());
            }
        }
    }

    @Test
    void truncatingReplaysExactlyTheSameDecodeStepAndLogits() {
        for (Path library : new Path[] {current, old}) {
            try (LlamaCppSession s = open(library, SessionSettings.cpu().withMaxSequenceLength(64))) {
                int t = s.prefill(PROMPT);
                int depth = s.length();
                int first = s.decode(t);
                float[] firstLogits = s.logits().array();
                assertEquals(FakeLlama.VOCAB, firstLogits.length);
                for (int i = 0; i < 5; i++) {
                    s.decode(first);
                }
                s.truncate(depth);
                assertEquals(depth, s.length());
                assertEquals(first, s.decode(t), library.toString());
                assertArrayEquals(firstLogits, s.logits().array());
            }
        }
    }

    @Test
    void theContextIsTheMaxSequenceLengthElseTheTrainedOne() {
        for (Path library : new Path[] {current, old}) {
            try (LlamaCppSession s = open(library, SessionSettings.cpu().withMaxSequenceLength(64))) {
                assertEquals("64", s.info().details().get("n_ctx"));
                assertEquals("64", s.info().details().get("n_batch"));
                assertEquals("64", s.info().details().get("n_ubatch"));
            }
            try (LlamaCppSession s = open(library, SessionSettings.cpu())) {
                assertEquals(FakeLlama.CONTEXT_TRAIN, s.contextSize());
                assertEquals("512", s.info().details().get("n_ubatch"));
            }
        }
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
    void threadsAreSetOnTheContext() {
        try (LlamaCppSession s = open(current, SessionSettings.cpu().withThreads(3).withMaxSequenceLength(32))) {
            assertEquals(3, FakeLlama.probe(current).fake_last_threads());
            assertEquals("3", s.info().details().get("threads"));
        }
    }

    @Test
    void aFullContextSurfacesLlamaDecodesStatus() {
        try (LlamaCppSession s = open(current, SessionSettings.cpu().withMaxSequenceLength(12))) {
            int t = s.prefill(PROMPT);
            t = s.decode(t);
            t = s.decode(t);
            int last = t;
            IllegalStateException full = assertThrows(IllegalStateException.class, () -> s.decode(last));
            assertTrue(full.getMessage().startsWith("llama_decode returned 1: no KV cache slot for 1 tokens at position 12"
                    + " (the context holds 12"), full.getMessage());
            IllegalStateException tooLong = assertThrows(IllegalStateException.class, () -> s.prefill(new int[13]));
            assertTrue(tooLong.getMessage().startsWith("13 tokens exceed the batch of 12"), tooLong.getMessage());
        }
    }

    @Test
    void aFileLlamaCppCannotLoadIsAModelFormatError() throws IOException {
        Path notGguf = Files.createDirectories(tmp.resolve("bad")).resolve("model.gguf");
        Files.writeString(notGguf, "not a model");
        ModelFormatException unreadable = assertThrows(ModelFormatException.class,
                () -> new LlamaCppRuntime(current).open(notGguf, SessionSettings.cpu()));
        assertEquals(notGguf + ": llama.cpp could not load it (llama_model_load_from_file returned NULL;"
                + " llama.cpp's log on stderr says why)", unreadable.getMessage());
        ModelFormatException empty = assertThrows(ModelFormatException.class,
                () -> new LlamaCppRuntime(current).open(Files.createDirectories(tmp.resolve("empty")), SessionSettings.cpu()));
        assertTrue(empty.getMessage().endsWith("expected exactly one .gguf file in the folder, found 0"), empty.getMessage());
    }
}
