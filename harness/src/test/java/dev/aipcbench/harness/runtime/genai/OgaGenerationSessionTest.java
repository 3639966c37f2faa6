package dev.aipcbench.harness.runtime.genai;

import dev.aipcbench.harness.testing.NativeCompiler;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OgaGenerationSessionTest {
    private static final int VOCAB = 32064;
    private static final int[] PROMPT = {1, 3000, 17, 29871, 400, 8000};

    @TempDir
    static Path tmp;
    private static Path library;
    private static Path model;

    @BeforeAll
    static void buildFake() throws IOException {
        library = NativeCompiler.sharedLibrary(OgaGenerationSessionTest.class, "fake_ort_genai.c", tmp.resolve("lib"),
                OrtGenaiRuntime.LIBRARY_NAME);
        model = GenaiFolders.tiny(tmp.resolve("model"));
    }

    private static OgaGenerationSession open(Path lib, int maxLength) {
        return (OgaGenerationSession) new OrtGenaiRuntime(lib).open(model, SessionSettings.cpu().withMaxSequenceLength(maxLength));
    }

    /** The tokens the toy model generates greedily after {@code prompt}. */
    private static int[] expected(int[] prompt, int count) {
        int[] out = new int[count];
        int last = prompt[prompt.length - 1];
        for (int i = 0; i < count; i++) {
            last = FakeGenaiLibrary.next(last, prompt.length - 1 + i, VOCAB);
            out[i] = last;
        }
        return out;
    }

    @Test
    void generatesTheModelsGreedyTokensIntoAFilledTimeline() {
        try (OgaGenerationSession s = open(library, 64)) {
            TokenTimeline timeline = new TokenTimeline(10);
            s.generate(PROMPT, 10, timeline);
            assertEquals(10, timeline.count());
            assertEquals(PROMPT.length, timeline.promptTokens());
            assertArrayEquals(expected(PROMPT, 10), timeline.tokens());
            assertTrue(timeline.ttftNanos() > 0);
            assertTrue(timeline.runtimeNanos(0) > 0 && timeline.runtimeNanos(9) > 0);
            assertEquals(PROMPT.length + 9, s.length());
            assertEquals("CPU", s.info().provider());
            assertEquals("onnxruntime-genai", s.info().runtime());
        }
    }

    @Test
    void searchIsGreedyAndNeverStopsBeforeMaxLength() {
        try (OgaGenerationSession s = open(library, 48)) {
            FakeGenaiLibrary fake = FakeGenaiLibrary.at(library);
            assertEquals(48.0, fake.fake_search_number("max_length"));
            assertEquals(48.0, fake.fake_search_number("min_length"));
            assertEquals(1.0, fake.fake_search_number("top_k"));
            assertEquals(0, fake.fake_do_sample());
            assertEquals(48, s.maxLength());
        }
    }

    @Test
    void eachDecodeStepRunsTheModelOnExactlyOneToken() {
        try (OgaGenerationSession s = open(library, 64)) {
            FakeGenaiLibrary fake = FakeGenaiLibrary.at(library);
            long before = fake.fake_forward_tokens();
            int t = s.prefill(PROMPT);
            assertEquals(PROMPT.length, fake.fake_forward_tokens() - before);
            for (int i = 0; i < 5; i++) {
                long step = fake.fake_forward_tokens();
                t = s.decode(t);
                assertEquals(1, fake.fake_forward_tokens() - step, "decode step " + i);
            }
        }
    }

    @Test
    void truncatingReplaysExactlyTheSameDecodeStepAndLogits() {
        try (OgaGenerationSession s = open(library, 64)) {
            int t = s.prefill(PROMPT);
            int depth = s.length();
            int first = s.decode(t);
            float[] firstLogits = s.logits().array();
            assertEquals(VOCAB, firstLogits.length);
            assertEquals(first, argmax(firstLogits));
            for (int i = 0; i < 5; i++) {
                first = s.decode(first);
            }
            s.truncate(depth);
            assertEquals(depth, s.length());
            int replay = s.decode(t);
            assertEquals(expected(PROMPT, 2)[1], replay);
            assertArrayEquals(firstLogits, s.logits().array());
        }
    }

    @Test
    void feedingAnotherTokenThanTheSampledOneRunsThatToken() {
        try (OgaGenerationSession s = open(library, 64)) {
            s.prefill(PROMPT);
            int forced = 1234;
            assertEquals(FakeGenaiLibrary.next(forced, PROMPT.length, VOCAB), s.decode(forced));
            assertEquals(PROMPT.length + 1, s.length());
        }
    }

    @Test
    void logitsAfterAPrefillAreTheLastPromptPositions() {
        try (OgaGenerationSession s = open(library, 64)) {
            int t = s.prefill(PROMPT);
            assertEquals(t, argmax(s.logits().array()));
            assertEquals(expected(PROMPT, 2)[1], s.decode(t));
        }
    }

    @Test
    void anOlderBuildWithoutRewindRefillsButCannotTruncateMidway() {
        Path old = NativeCompiler.sharedLibrary(getClass(), "fake_ort_genai.c", tmp.resolve("no-rewind"),
                OrtGenaiRuntime.LIBRARY_NAME, "FAKE_NO_REWIND");
        try (OgaGenerationSession s = open(old, 64)) {
            assertEquals("truncate(0) only: no OgaGenerator_RewindTo", s.info().details().get("truncate"));
            TokenTimeline timeline = new TokenTimeline(4);
            s.generate(PROMPT, 4, timeline);
            s.generate(PROMPT, 4, timeline);
            assertArrayEquals(expected(PROMPT, 4), timeline.tokens());
            UnsupportedOperationException truncate = assertThrows(UnsupportedOperationException.class, () -> s.truncate(3));
            assertTrue(truncate.getMessage().contains("OgaGenerator_RewindTo"), truncate.getMessage());
            UnsupportedOperationException logits = assertThrows(UnsupportedOperationException.class, s::logits);
            assertTrue(logits.getMessage().contains("OgaGenerator_GetLogits"), logits.getMessage());
            s.truncate(0);
            assertEquals(0, s.length());
        }
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
