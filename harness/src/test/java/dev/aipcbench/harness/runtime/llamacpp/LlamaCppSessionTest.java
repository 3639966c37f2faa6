package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session on both real builds, over the tiny synthetic GGUF model (F32). */
class LlamaCppSessionTest {
    private static final int[] PROMPT = {1, 300, 17, 42, 400, 80, 12, 7, 99, 5};

    @TempDir
    static Path tmp;

    private static LlamaCppSession open(Path library, SessionSettings settings) {
        return (LlamaCppSession) new LlamaCppRuntime(library).open(RealLlamaBuilds.tinyGguf(Precision.FP32), settings);
    }

    @Test
    void generationFillsTheTimelineWithTheTokensOfStepByStepDecoding() {
        for (Map.Entry<String, Path> build : RealLlamaBuilds.both().entrySet()) {
            int[] stepwise = new int[12];
            try (LlamaCppSession s = open(build.getValue(), RealLlamaBuilds.settings(64))) {
                stepwise[0] = s.prefill(PROMPT);
                for (int i = 1; i < 12; i++) {
                    stepwise[i] = s.decode(stepwise[i - 1]);
                }
            }
            try (LlamaCppSession s = open(build.getValue(), RealLlamaBuilds.settings(64))) {
                TokenTimeline timeline = new TokenTimeline(12);
                s.generate(PROMPT, 12, timeline);
                assertEquals(12, timeline.count(), build.getKey());
                assertArrayEquals(stepwise, timeline.tokens(), build.getKey());
                assertTrue(timeline.ttftNanos() > 0);
                assertTrue(timeline.runtimeNanos(0) > 0 && timeline.runtimeNanos(11) > 0);
                assertEquals(PROMPT.length + 11, s.length());
                assertEquals(ModelDimensions.tiny().vocab(), s.info().vocabSize());
                assertEquals(ModelDimensions.tiny().layers(), s.info().layers());
            }
        }
    }

    @Test
    void truncatingReplaysExactlyTheSameDecodeStepAndLogits() {
        for (Map.Entry<String, Path> build : RealLlamaBuilds.both().entrySet()) {
            try (LlamaCppSession s = open(build.getValue(), RealLlamaBuilds.settings(64))) {
                int t = s.prefill(PROMPT);
                int depth = s.length();
                int first = s.decode(t);
                float[] firstLogits = s.logits().array();
                assertEquals(ModelDimensions.tiny().vocab(), firstLogits.length);
                for (int i = 0; i < 5; i++) {
                    s.decode(first);
                }
                s.truncate(depth);
                assertEquals(depth, s.length());
                assertEquals(first, s.decode(t), build.getKey());
                assertArrayEquals(firstLogits, s.logits().array(), build.getKey());
            }
        }
    }

    @Test
    void theContextHoldsTheMaxSequenceLengthElseTheTrainedOne() {
        for (Map.Entry<String, Path> build : RealLlamaBuilds.both().entrySet()) {
            try (LlamaCppSession s = open(build.getValue(), RealLlamaBuilds.settings(64))) {
                // llama.cpp may round the context up (the npm build pads it to 256); never down
                assertTrue(s.contextSize() >= 64, build.getKey() + ": n_ctx " + s.contextSize());
                assertEquals("64", s.info().details().get("n_batch"), build.getKey());
                assertEquals("64", s.info().details().get("n_ubatch"), build.getKey());
            }
            try (LlamaCppSession s = open(build.getValue(), SessionSettings.cpu().withThreads(1))) {
                assertEquals(ModelDimensions.tiny().context(), s.contextSize(), build.getKey());
                assertEquals("512", s.info().details().get("n_ubatch"), build.getKey());
            }
        }
    }

    @Test
    void threadsAreSetOnTheContextAsItReportsThem() {
        for (Map.Entry<String, Path> build : RealLlamaBuilds.both().entrySet()) {
            try (LlamaCppSession s = open(build.getValue(), SessionSettings.cpu().withThreads(3).withMaxSequenceLength(32))) {
                assertEquals("3", s.info().details().get("threads"), build.getKey());
            }
        }
    }

    @Test
    void aFullContextAndAPromptLongerThanTheBatchAreClearErrors() {
        for (Map.Entry<String, Path> build : RealLlamaBuilds.both().entrySet()) {
            try (LlamaCppSession s = open(build.getValue(), RealLlamaBuilds.settings(12))) {
                int t = s.prefill(PROMPT);
                while (s.length() < s.contextSize()) {
                    t = s.decode(t);
                }
                int last = t;
                IllegalStateException full = assertThrows(IllegalStateException.class, () -> s.decode(last), build.getKey());
                assertEquals("sequence of " + (s.contextSize() + 1) + " tokens exceeds the KV capacity of " + s.contextSize()
                        + ": 1 more at position " + s.contextSize()
                        + " do not fit (raise the max sequence length, at most the model's context)", full.getMessage());
                int longer = s.contextSize() + 1;
                IllegalStateException tooLong = assertThrows(IllegalStateException.class, () -> s.prefill(new int[longer]));
                assertTrue(tooLong.getMessage().startsWith(longer + " tokens exceed the batch of "), tooLong.getMessage());
            }
        }
    }

    @Test
    void eachSessionRecordsWhichBuildRanAndHowItsBackendsLoaded() {
        Path builtIn = RealLlamaBuilds.builtIn();
        try (LlamaCppSession s = open(builtIn, RealLlamaBuilds.settings(32))) {
            Map<String, String> d = s.info().details();
            assertEquals(builtIn.toAbsolutePath().toString(), d.get("library"));
            assertEquals("the path given to the runtime", d.get("library_source"));
            assertEquals("linked in", d.get("ggml_backends"));
            assertFalse(d.containsKey("ggml_cpu_variant"), d.toString());
            assertEquals("CPU", s.info().provider());
            assertTrue(d.get("ggml_devices").startsWith("CPU ("), d.toString());
        }
        Path npm = RealLlamaBuilds.npm();
        try (LlamaCppSession s = open(npm, RealLlamaBuilds.settings(32))) {
            Map<String, String> d = s.info().details();
            assertEquals(npm.toAbsolutePath().toString(), d.get("library"));
            assertEquals("loaded from " + npm.getParent().toAbsolutePath(), d.get("ggml_backends"));
            String variant = d.get("ggml_cpu_variant");
            assertTrue(variant != null && Files.isRegularFile(npm.resolveSibling(System.mapLibraryName("ggml-cpu-" + variant))), d.toString());
            assertEquals("CPU (ggml-cpu-" + variant + ")", s.info().provider());
            assertTrue(d.get("ggml_devices").startsWith("CPU ("), d.toString());
        }
    }

    @Test
    void aFileLlamaCppCannotLoadIsAModelFormatError() throws IOException {
        Path notGguf = Files.createDirectories(tmp.resolve("bad")).resolve("model.gguf");
        Files.writeString(notGguf, "not a model");
        for (Path library : RealLlamaBuilds.both().values()) {
            ModelFormatException unreadable = assertThrows(ModelFormatException.class,
                    () -> new LlamaCppRuntime(library).open(notGguf, SessionSettings.cpu()));
            assertEquals(notGguf + ": llama.cpp could not load it (llama_model_load_from_file returned NULL;"
                    + " llama.cpp's log on stderr says why)", unreadable.getMessage());
        }
        ModelFormatException empty = assertThrows(ModelFormatException.class, () -> new LlamaCppRuntime(RealLlamaBuilds.builtIn())
                .open(Files.createDirectories(tmp.resolve("empty")), SessionSettings.cpu()));
        assertTrue(empty.getMessage().endsWith("expected exactly one .gguf file in the folder, found 0"), empty.getMessage());
    }
}
