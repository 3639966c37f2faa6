package dev.aipcbench.harness.runtime.onnxruntime;

import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.testing.BuilderShapedFolders;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.aipcbench.harness.testing.Logits.relativeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrtGenerationSessionTest {
    private static final int[] PROMPT = {1, 3000, 17, 29871, 400, 8000, 12, 12345};

    private static OrtGenerationSession open(Path folder, int maxLength) {
        return OrtGenerationSession.open(ModelFolder.open(folder), SessionSettings.cpu().withMaxSequenceLength(maxLength));
    }

    private static Path withoutSharedBuffer(Path tmp) throws IOException {
        Path src = TestModels.tiny(Precision.FP32);
        Path dst = tmp.resolve("growing");
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        Path c = dst.resolve("genai_config.json");
        Files.writeString(c, Files.readString(c).replace("\"past_present_share_buffer\" : true", "\"past_present_share_buffer\" : false"));
        return dst;
    }

    @Test
    void sharedBufferAndGrowingCacheGiveTheSameTokensAndLogits(@TempDir Path tmp) throws IOException {
        try (OrtGenerationSession shared = open(TestModels.tiny(Precision.FP32), 64);
             OrtGenerationSession growing = open(withoutSharedBuffer(tmp), 64)) {
            assertEquals("shared-buffer(64)", shared.info().kvCache());
            assertEquals("growing", growing.info().kvCache());
            shared.captureLogits(true);
            growing.captureLogits(true);
            int a = shared.prefill(PROMPT);
            int b = growing.prefill(PROMPT);
            assertEquals(a, b);
            for (int i = 0; i < 12; i++) {
                a = shared.decode(a);
                b = growing.decode(b);
                assertEquals(a, b, "step " + i);
                float[] la = shared.logits().array();
                float[] lb = growing.logits().array();
                assertTrue(relativeError(lb, la) < 1e-5, "logits of step " + i);
            }
            assertEquals(PROMPT.length + 12, shared.length());
        }
    }

    @Test
    void truncatingTheCacheReplaysExactlyTheSameDecodeStep(@TempDir Path tmp) throws IOException {
        for (Path folder : new Path[] {TestModels.tiny(Precision.INT4), withoutSharedBuffer(tmp)}) {
            try (OrtGenerationSession s = open(folder, 64)) {
                s.captureLogits(true);
                int t = s.prefill(PROMPT);
                int depth = s.length();
                int first = s.decode(t);
                float[] firstLogits = s.logits().array();
                for (int i = 0; i < 5; i++) {
                    s.decode(first);
                }
                s.truncate(depth);
                assertEquals(depth, s.length());
                assertEquals(first, s.decode(t), folder.toString());
                assertArrayEquals(firstLogits, s.logits().array());
            }
        }
    }

    @Test
    void generateFillsTheTimelineAndMeasuresTheRuntimeCallsApart() {
        try (OrtGenerationSession s = open(TestModels.tiny(Precision.INT4), 64)) {
            TokenTimeline t = new TokenTimeline(16);
            s.generate(PROMPT, 16, t);
            assertEquals(16, t.count());
            assertEquals(PROMPT.length, t.promptTokens());
            assertTrue(t.ttftNanos() > 0 && t.tpotNanos() > 0);
            for (int i = 0; i < 16; i++) {
                assertTrue(t.runtimeNanos(i) > 0 && t.runtimeNanos(i) <= t.latencyNanos(i), "token " + i);
            }
            assertTrue(t.decodeOverheadNanos() >= 0);
            // Generation is greedy and deterministic: the same prompt gives the same tokens.
            int[] first = t.tokens();
            s.generate(PROMPT, 16, t);
            assertArrayEquals(first, t.tokens());
        }
    }

    @Test
    void greedySamplingInTheRuntimeAndInJavaPickTheSameTokens() {
        for (Precision p : new Precision[] {Precision.FP32, Precision.FP16, Precision.INT4}) {
            int[][] tokens = new int[2][];
            String[] modes = {SessionSettings.SAMPLING_RUNTIME, SessionSettings.SAMPLING_JAVA};
            for (int m = 0; m < 2; m++) {
                try (OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(TestModels.tiny(p)),
                        SessionSettings.cpu().withMaxSequenceLength(64).withSampling(modes[m]))) {
                    TokenTimeline t = new TokenTimeline(24);
                    s.generate(PROMPT, 24, t);
                    tokens[m] = t.tokens();
                }
            }
            assertArrayEquals(tokens[0], tokens[1], p.id());
        }
    }

    @Test
    void sessionConfigEntriesAmongTheProviderOptionsReachOnnxRuntimeAndKeepTheTokens() {
        SessionSettings plain = SessionSettings.cpu().withMaxSequenceLength(64).withThreads(2);
        SessionSettings noSpin = new SessionSettings(plain.device(), 2, "all", 64,
                java.util.Map.of("session.intra_op.allow_spinning", "0"), null, SessionSettings.SAMPLING_RUNTIME);
        int[][] tokens = new int[2][];
        SessionSettings[] both = {plain, noSpin};
        for (int i = 0; i < 2; i++) {
            try (OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(TestModels.tiny(Precision.INT4)), both[i])) {
                TokenTimeline t = new TokenTimeline(24);
                s.generate(PROMPT, 24, t);
                tokens[i] = t.tokens();
                assertEquals(i == 0 ? null : "{session.intra_op.allow_spinning=0}", s.info().details().get("session_config"));
            }
        }
        assertArrayEquals(tokens[0], tokens[1]);
    }

    @Test
    void javaSamplingKeepsItsLogitsWhenAskedToStopAsTheAgreementProbeDoes() {
        try (OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(TestModels.tiny(Precision.INT4)),
                SessionSettings.cpu().withMaxSequenceLength(32).withSampling(SessionSettings.SAMPLING_JAVA))) {
            s.captureLogits(false);
            int token = s.prefill(PROMPT);
            s.decode(token);
            assertTrue(s.logits().remaining() > 0, "java sampling still reads the step's logits");
        }
    }

    @Test
    void logitsAreOnlyReadableWhenCaptured() {
        try (OrtGenerationSession s = open(TestModels.tiny(Precision.INT4), 32)) {
            s.prefill(PROMPT);
            assertThrows(IllegalStateException.class, s::logits);
            s.captureLogits(true);
            s.decode(5);
            assertEquals(32064, s.logits().capacity());
        }
    }

    /**
     * A model that takes position_ids (GPT-2-style learned position embeddings added to the token
     * embeddings): the loop must feed 0..P-1 on prefill and the sequence length on each decode step,
     * so decoding the last prompt token gives the logits of prefilling the whole prompt.
     */
    @Test
    void positionIdsAreFedWhenTheModelTakesThem(@TempDir Path tmp) throws IOException {
        Path folder = withPositionIds(tmp);
        int[] prompt = {1, 3000, 17, 29871, 400, 8000};
        float[] whole;
        float[] stepwise;
        try (OrtGenerationSession s = open(folder, 32)) {
            assertEquals("true", s.info().details().get("position_ids"));
            s.captureLogits(true);
            s.prefill(prompt);
            FloatBuffer all = s.logits();
            whole = new float[32064];
            all.get((prompt.length - 1) * 32064, whole);
            s.prefill(java.util.Arrays.copyOf(prompt, prompt.length - 1));
            s.decode(prompt[prompt.length - 1]);
            stepwise = s.logits().array();
        }
        assertTrue(relativeError(stepwise, whole) < 1e-5, "the decode step saw position " + (prompt.length - 1));
        // A wrong position would show: the same step at position 0 gives other logits.
        try (OrtGenerationSession s = open(folder, 32)) {
            s.captureLogits(true);
            s.prefill(new int[] {prompt[prompt.length - 1]});
            assertTrue(relativeError(s.logits().array(), whole) > 1e-3);
        }
    }

    private static Path withPositionIds(Path tmp) {
        return BuilderShapedFolders.withPositionIds(TestModels.tiny(Precision.FP32), tmp.resolve("positions"), 256, 64);
    }

    @Test
    void exceedingTheKvCapacityIsAClearError() {
        try (OrtGenerationSession s = open(TestModels.tiny(Precision.INT4), PROMPT.length + 1)) {
            int t = s.prefill(PROMPT);
            t = s.decode(t);
            int last = t;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.decode(last));
            assertTrue(e.getMessage().contains("exceeds the KV capacity of " + (PROMPT.length + 1)), e.getMessage());
        }
    }

    @Test
    void truncatingBeyondTheCacheIsAClearError() {
        try (OrtGenerationSession s = open(TestModels.tiny(Precision.INT4), 32)) {
            s.prefill(PROMPT);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.truncate(PROMPT.length + 1));
            assertEquals("cannot truncate to " + (PROMPT.length + 1) + " tokens: the cache holds " + PROMPT.length, e.getMessage());
            assertEquals(PROMPT.length, s.length(), "a refused truncation leaves the cache as it was");
        }
    }

    @Test
    void fp16ModelsRunWithHalfInputsAndOutputs() {
        try (OrtGenerationSession s = open(TestModels.tiny(Precision.FP16), 32)) {
            assertEquals("float16", s.info().ioType());
            TokenTimeline t = new TokenTimeline(4);
            s.generate(PROMPT, 4, t);
            assertEquals(4, t.count());
        }
    }
}
