package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.harness.runtime.onnxruntime.OrtGenerationSession;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.aipcbench.harness.testing.Logits.cosine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Same weights, same tokens: the tiny synthetic model written as GGUF and run by real llama.cpp (the
 * built-in build and the npm prebuilt) against the same-seed onnx-genai folder run by the suite's ONNX
 * Runtime loop, the fp32 reference. At F32 the first 16 greedy tokens are equal for every prompt; at F16
 * the logits stay within cosine 0.999 of the reference; Q8_0 and Q4_0 are reported (cosine and greedy
 * agreement), with Q8_0 held to cosine 0.99 and Q4_0 to 0.95, the bounds the ONNX int8/int4 models meet.
 * Logits are compared step by step while both sides have been fed the same tokens.
 */
class LlamaCppAgreementTest {
    private static final int STEPS = 16;
    private static final int PROMPT = 12;
    private static final int PROMPTS = 4;

    /** Each step's logits (the last prompt position's, then each decode step's) and the greedy tokens. */
    private record Trace(List<float[]> logits, int[] tokens) {
    }

    private static List<int[]> prompts;
    private static List<Trace> reference;
    private static Map<String, Path> builds;

    @BeforeAll
    static void referenceTraces() {
        builds = RealLlamaBuilds.both();
        prompts = new ArrayList<>();
        for (int seed = 0; seed < PROMPTS; seed++) {
            SplittableRandom r = new SplittableRandom(2000 + seed);
            int[] p = new int[PROMPT];
            p[0] = 1;
            for (int i = 1; i < PROMPT; i++) {
                p[i] = 3 + r.nextInt(31_000);
            }
            prompts.add(p);
        }
        reference = new ArrayList<>();
        for (int[] prompt : prompts) {
            try (OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(TestModels.tiny(Precision.FP32)),
                    SessionSettings.cpu().withMaxSequenceLength(PROMPT + STEPS))) {
                s.captureLogits(true);
                reference.add(trace(s, prompt));
            }
        }
    }

    private static Trace trace(StepwiseSession s, int[] prompt) {
        List<float[]> logits = new ArrayList<>();
        int[] tokens = new int[STEPS];
        int token = s.prefill(prompt);
        for (int i = 0; i < STEPS; i++) {
            if (i > 0) {
                token = s.decode(token);
            }
            tokens[i] = token;
            logits.add(lastRow(s.logits()));
        }
        return new Trace(logits, tokens);
    }

    private static float[] lastRow(FloatBuffer b) {
        int vocab = ModelDimensions.tiny().vocab();
        float[] row = new float[vocab];
        b.get(b.capacity() - vocab, row);
        return row;
    }

    private static Trace llama(Path library, Precision precision, int[] prompt) {
        try (StepwiseSession s = (StepwiseSession) new LlamaCppRuntime(library).open(RealLlamaBuilds.tinyGguf(precision),
                RealLlamaBuilds.settings(PROMPT + STEPS))) {
            return trace(s, prompt);
        }
    }

    /** llama.cpp's traces of every prompt, reported against the reference. */
    private static List<Trace> compare(Path library, Precision precision, String label) {
        List<Trace> traces = new ArrayList<>();
        double minCosine = 1;
        int agreeing = 0;
        for (int p = 0; p < PROMPTS; p++) {
            Trace expected = reference.get(p);
            Trace actual = llama(library, precision, prompts.get(p));
            traces.add(actual);
            int agree = agreement(expected, actual);
            minCosine = Math.min(minCosine, minCosine(expected, actual));
            agreeing += agree;
            System.out.printf("llama.cpp %s %s prompt %d tokens: %s (onnxruntime fp32: %s)%n", label, precision, p,
                    Arrays.toString(actual.tokens()), Arrays.toString(expected.tokens()));
        }
        System.out.printf("llama.cpp %s %s vs onnxruntime fp32: min logits cosine %.7f; greedy agreement %d/%d steps%n",
                label, precision, minCosine, agreeing, STEPS * PROMPTS);
        return traces;
    }

    /** Steps whose tokens agree before the first difference. */
    private static int agreement(Trace expected, Trace actual) {
        int agree = 0;
        while (agree < STEPS && expected.tokens()[agree] == actual.tokens()[agree]) {
            agree++;
        }
        return agree;
    }

    /** The smallest logits cosine over the steps both were fed the same tokens for (up to and including the first difference). */
    private static double minCosine(Trace expected, Trace actual) {
        double min = 1;
        for (int i = 0; i <= Math.min(agreement(expected, actual), STEPS - 1); i++) {
            min = Math.min(min, cosine(actual.logits().get(i), expected.logits().get(i)));
        }
        return min;
    }

    private static double minCosine(List<Trace> traces) {
        double min = 1;
        for (int p = 0; p < PROMPTS; p++) {
            min = Math.min(min, minCosine(reference.get(p), traces.get(p)));
        }
        return min;
    }

    @Test
    void atF32BothBuildsGiveTheReferencesFirst16GreedyTokens() {
        builds.forEach((label, library) -> {
            List<Trace> traces = compare(library, Precision.FP32, label);
            for (int p = 0; p < PROMPTS; p++) {
                assertArrayEquals(reference.get(p).tokens(), traces.get(p).tokens(), label + " build, prompt " + p);
            }
        });
    }

    @Test
    void atF16TheLogitsStayWithinCosine0999OfTheReference() {
        builds.forEach((label, library) -> {
            double cosine = minCosine(compare(library, Precision.FP16, label));
            assertTrue(cosine >= 0.999, label + " build: F16 logits cosine " + cosine + " < 0.999");
        });
    }

    @Test
    void quantisedModelsAreReportedAndStayClose() {
        builds.forEach((label, library) -> {
            double q8 = minCosine(compare(library, Precision.INT8, label));
            double q4 = minCosine(compare(library, Precision.INT4, label));
            assertTrue(q8 > 0.99, label + " build: Q8_0 logits cosine " + q8 + " <= 0.99");
            assertTrue(q4 > 0.95, label + " build: Q4_0 logits cosine " + q4 + " <= 0.95");
        });
    }
}
