package dev.aipcbench.harness.runtime.genai;

import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.runtime.onnxruntime.OrtGenerationSession;
import dev.aipcbench.harness.testing.RealLibraries;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;

import static dev.aipcbench.harness.testing.Logits.cosine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * onnxruntime-genai's real library (the pip wheel, with the onnxruntime wheel it runs on) stepping the
 * suite's synthetic models: the same weights must give the same greedy tokens and logits as the suite's own
 * ONNX Runtime loop, step by step.
 */
class OgaGenerationSessionTest {
    private static final int[] PROMPT = {1, 3000, 17, 29871, 400, 8000, 12, 12345};
    private static final int TOKENS = 16;

    private static OgaGenerationSession genai(Path model, int maxLength) {
        return (OgaGenerationSession) new OrtGenaiRuntime(RealLibraries.onnxruntimeGenai())
                .open(model, SessionSettings.cpu().withMaxSequenceLength(maxLength));
    }

    private static OrtGenerationSession reference(Path model, int maxLength) {
        OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(model), SessionSettings.cpu().withMaxSequenceLength(maxLength));
        s.captureLogits(true);
        return s;
    }

    private static float[] lastRow(java.nio.FloatBuffer logits, int vocab) {
        float[] row = new float[vocab];
        logits.position(logits.limit() - vocab);
        logits.get(row);
        return row;
    }

    @Test
    void atFp32GenaiGivesTheSuiteLoopsTokensAndLogitsAtEveryStep() {
        Path model = TestModels.tiny(Precision.FP32);
        try (OgaGenerationSession g = genai(model, 64); OrtGenerationSession r = reference(model, 64)) {
            int vocab = r.info().vocabSize();
            int gt = g.prefill(PROMPT);
            int rt = r.prefill(PROMPT);
            assertEquals(rt, gt, "first token");
            assertTrue(cosine(g.logits().array(), lastRow(r.logits(), vocab)) > 0.99999, "prefill logits");
            for (int i = 1; i < TOKENS; i++) {
                gt = g.decode(gt);
                rt = r.decode(rt);
                assertEquals(rt, gt, "token " + i);
                double c = cosine(g.logits().array(), lastRow(r.logits(), vocab));
                assertTrue(c > 0.99999, "logits of step " + i + ": cosine " + c);
            }
            assertEquals(PROMPT.length + TOKENS - 1, g.length());
            assertEquals("onnxruntime-genai", g.info().runtime());
            assertEquals("CPU", g.info().provider());
            assertTrue(g.info().details().get("onnxruntime").startsWith("onnxruntime 1.32.0 at "), g.info().details().toString());
        }
    }

    @Test
    void everyPrecisionGeneratesTheSameTokensAsTheSuiteLoopOnTheSameFolder() {
        for (Precision p : Precision.values()) {
            Path model = TestModels.tiny(p);
            int[] fromGenai;
            int[] fromLoop;
            try (OgaGenerationSession g = genai(model, 64)) {
                TokenTimeline t = new TokenTimeline(TOKENS);
                g.generate(PROMPT, TOKENS, t);
                assertEquals(TOKENS, t.count(), p.id());
                assertTrue(t.ttftNanos() > 0 && t.runtimeNanos(TOKENS - 1) > 0, p.id());
                fromGenai = t.tokens();
            }
            try (OrtGenerationSession r = reference(model, 64)) {
                TokenTimeline t = new TokenTimeline(TOKENS);
                r.generate(PROMPT, TOKENS, t);
                fromLoop = t.tokens();
            }
            assertArrayEquals(fromLoop, fromGenai, p.id() + ": genai " + Arrays.toString(fromGenai) + " vs loop " + Arrays.toString(fromLoop));
        }
    }

    @Test
    void searchIsGreedyAndFixedLengthAsTheLibraryHoldsIt() {
        try (OgaGenerationSession g = genai(TestModels.tiny(Precision.INT4), 48)) {
            assertEquals("max_length=49 min_length=49 top_k=1 num_beams=1 do_sample=false (read back from the library)",
                    g.info().details().get("search"));
            assertEquals(49, g.maxLength(), "48 cached tokens and the one genai samples before it is fed");
            assertEquals("OgaGenerator_RewindTo", g.info().details().get("truncate"));
        }
    }

    @Test
    void aPrefillOrDecodeFillingTheWholeCapacityAsked() {
        try (OgaGenerationSession g = genai(TestModels.tiny(Precision.INT4), PROMPT.length + 1)) {
            int t = g.prefill(PROMPT);
            g.decode(t);
            assertEquals(PROMPT.length + 1, g.length());
        }
    }

    @Test
    void truncatingReplaysExactlyTheSameDecodeStepAndLogits() {
        try (OgaGenerationSession s = genai(TestModels.tiny(Precision.FP32), 64)) {
            int t = s.prefill(PROMPT);
            int depth = s.length();
            int first = s.decode(t);
            float[] firstLogits = s.logits().array();
            for (int i = 0; i < 5; i++) {
                first = s.decode(first);
            }
            s.truncate(depth);
            assertEquals(depth, s.length());
            s.decode(t);
            assertTrue(cosine(firstLogits, s.logits().array()) > 0.999999);
        }
    }

    @Test
    void feedingAnotherTokenThanTheSampledOneRunsThatToken() {
        Path model = TestModels.tiny(Precision.FP32);
        int forced = 1234;
        try (OgaGenerationSession g = genai(model, 64); OrtGenerationSession r = reference(model, 64)) {
            g.prefill(PROMPT);
            r.prefill(PROMPT);
            assertEquals(r.decode(forced), g.decode(forced));
            assertEquals(PROMPT.length + 1, g.length());
            assertTrue(cosine(g.logits().array(), lastRow(r.logits(), r.info().vocabSize())) > 0.99999);
        }
    }
}
