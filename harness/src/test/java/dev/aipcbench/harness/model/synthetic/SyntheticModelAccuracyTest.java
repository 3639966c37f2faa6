package dev.aipcbench.harness.model.synthetic;

import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.reference.Phi3Reference;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.onnxruntime.OrtGenerationSession;
import dev.aipcbench.harness.testing.TestModels;
import static dev.aipcbench.harness.testing.Logits.cosine;
import static dev.aipcbench.harness.testing.Logits.relativeError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated graphs compute what a Phi-3 decoder computes: fp32 logits match the plain-Java
 * reference (relative error <= 1e-4 at every prompt and decode position), and the quantised models
 * stay close to fp32 (cosine >= 0.99 int8, >= 0.95 int4) with the same greedy tokens.
 */
class SyntheticModelAccuracyTest {
    private static final int PROMPT = 12;
    private static final int STEPS = 8;
    private static final int PROMPT_SEEDS = 10;

    /** Logits of every prompt position and of each decode step, and the greedy tokens, for one prompt. */
    private record Trace(List<float[]> logits, int[] tokens) {
    }

    private static List<int[]> prompts;

    @BeforeAll
    static void prompts() {
        prompts = new ArrayList<>();
        for (int seed = 0; seed < PROMPT_SEEDS; seed++) {
            SplittableRandom r = new SplittableRandom(1000 + seed);
            int[] p = new int[PROMPT];
            p[0] = 1;
            for (int i = 1; i < PROMPT; i++) {
                p[i] = 3 + r.nextInt(31_000);
            }
            prompts.add(p);
        }
    }

    private static Trace ort(Precision precision, int[] prompt) {
        try (OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(TestModels.tiny(precision)),
                SessionSettings.cpu().withMaxSequenceLength(PROMPT + STEPS + 1))) {
            s.captureLogits(true);
            List<float[]> logits = new ArrayList<>();
            int[] tokens = new int[STEPS];
            int token = s.prefill(prompt);
            rows(s.logits(), PROMPT, logits);
            tokens[0] = token;
            for (int i = 1; i < STEPS; i++) {
                token = s.decode(token);
                rows(s.logits(), 1, logits);
                tokens[i] = token;
            }
            return new Trace(logits, tokens);
        }
    }

    private static void rows(FloatBuffer b, int n, List<float[]> out) {
        int vocab = b.capacity() / n;
        for (int i = 0; i < n; i++) {
            float[] row = new float[vocab];
            b.get(i * vocab, row);
            out.add(row);
        }
    }

    @Test
    void fp32LogitsMatchTheJavaReferenceAtEveryPromptAndDecodePosition() {
        int[] prompt = prompts.get(0);
        Trace onnx = ort(Precision.FP32, prompt);
        Phi3Reference reference = Phi3Reference.load(ModelFolder.open(TestModels.tiny(Precision.FP32)));
        List<float[]> expected = new ArrayList<>(List.of(reference.forward(prompt)));
        for (int i = 0; i < STEPS - 1; i++) {
            expected.add(reference.forward(new int[] {onnx.tokens()[i]})[0]);
        }
        assertEquals(expected.size(), onnx.logits().size());
        double worst = 0;
        for (int pos = 0; pos < expected.size(); pos++) {
            double rel = relativeError(onnx.logits().get(pos), expected.get(pos));
            worst = Math.max(worst, rel);
            assertTrue(rel <= 1e-4, "position " + pos + ": relative error " + rel + " > 1e-4");
        }
        System.out.printf("fp32 vs Java reference: max relative error %.2e over %d positions%n", worst, expected.size());
    }

    @Test
    void quantisedAndHalfModelsStayCloseToFp32AndPickTheSameTokens() {
        Precision[] checked = {Precision.FP16, Precision.INT8, Precision.INT4};
        double[] minCosine = {1, 1, 1};
        int[] agreeingSteps = new int[3];
        int[] agreeingPrompts = new int[3];
        for (int[] prompt : prompts) {
            Trace fp32 = ort(Precision.FP32, prompt);
            for (int k = 0; k < checked.length; k++) {
                Trace other = ort(checked[k], prompt);
                for (int pos = 0; pos < fp32.logits().size(); pos++) {
                    // Compare like with like: both runs are fed the same tokens until they disagree.
                    if (pos >= PROMPT && fp32.tokens()[pos - PROMPT] != other.tokens()[pos - PROMPT]) {
                        break;
                    }
                    minCosine[k] = Math.min(minCosine[k], cosine(fp32.logits().get(pos), other.logits().get(pos)));
                }
                int agree = 0;
                while (agree < STEPS && fp32.tokens()[agree] == other.tokens()[agree]) {
                    agree++;
                }
                agreeingSteps[k] += agree;
                agreeingPrompts[k] += agree == STEPS ? 1 : 0;
            }
        }
        for (int k = 0; k < checked.length; k++) {
            System.out.printf("%s vs fp32: min cosine %.5f; greedy agreement %d/%d steps, %d/%d prompts fully%n",
                    checked[k], minCosine[k], agreeingSteps[k], STEPS * PROMPT_SEEDS, agreeingPrompts[k], PROMPT_SEEDS);
        }
        assertTrue(minCosine[1] >= 0.99, "int8 cosine " + minCosine[1]);
        assertTrue(minCosine[2] >= 0.95, "int4 cosine " + minCosine[2]);
        assertTrue(minCosine[0] >= 0.999, "fp16 cosine " + minCosine[0]);
        assertArrayEquals(new int[] {PROMPT_SEEDS, PROMPT_SEEDS, PROMPT_SEEDS}, agreeingPrompts,
                "every prompt's first " + STEPS + " greedy tokens agree with fp32 (fp16, int8, int4)");
    }
}
