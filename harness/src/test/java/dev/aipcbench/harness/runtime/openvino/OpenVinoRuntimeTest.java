package dev.aipcbench.harness.runtime.openvino;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import dev.aipcbench.harness.runtime.onnxruntime.OrtRuntime;
import dev.aipcbench.harness.testing.OpenVinoTestModels;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.aipcbench.harness.testing.Logits.cosine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code openvino} runtime on the real OpenVINO 2026.4 C API of the suite's runtime environment (the
 * {@code openvino} wheel's libopenvino_c), on the tiny synthetic IR folders, against the suite's ORT loop on
 * the same-seed ONNX folder: the proof that both measure the same work.
 */
class OpenVinoRuntimeTest {
    private static final int[] PROMPT = {1, 3000, 17, 29871, 400, 8000, 12, 12345};
    private static final int TOKENS = 16;

    private static OpenVinoRuntime runtime;

    @BeforeAll
    static void openVinoIsInstalled() {
        runtime = new OpenVinoRuntime();
        assertTrue(runtime.installed(), () -> "OpenVINO's C API is needed by these tests and did not load: " + runtime.version()
                + "; install it with ./run-bench.sh runtimes install (the openvino wheel in " + RuntimeEnvironment.current().root() + ")");
    }

    private static StepwiseSession open(Path folder, SessionSettings settings) {
        return (StepwiseSession) runtime.open(folder, settings.withMaxSequenceLength(64));
    }

    /** Greedy tokens and the logits row behind each (the prefill's last row, then one row per decode). */
    private record Run(int[] tokens, float[][] logits, float[] prefillLogits) {
    }

    private static Run run(StepwiseSession s) {
        s.captureLogits(true);
        int[] tokens = new int[TOKENS];
        float[][] rows = new float[TOKENS][];
        tokens[0] = s.prefill(PROMPT);
        float[] all = s.logits().array();
        int vocab = s.info().vocabSize();
        rows[0] = Arrays.copyOfRange(all, all.length - vocab, all.length);
        for (int i = 1; i < TOKENS; i++) {
            tokens[i] = s.decode(tokens[i - 1]);
            rows[i] = s.logits().array().clone();
        }
        return new Run(tokens, rows, all);
    }

    private static Run reference() {
        try (StepwiseSession ort = (StepwiseSession) new OrtRuntime().open(TestModels.tiny(Precision.FP32),
                SessionSettings.cpu().withMaxSequenceLength(64).withSampling(SessionSettings.SAMPLING_JAVA))) {
            return run(ort);
        }
    }

    private static double minCosine(Run a, Run b) {
        double min = 1;
        for (int i = 0; i < TOKENS; i++) {
            min = Math.min(min, cosine(a.logits()[i], b.logits()[i]));
        }
        return min;
    }

    @Test
    void loadsFromTheSuitesEnvironmentAndListsOpenVinosDevices() {
        assertTrue(runtime.version().startsWith("2026.4"), runtime.version());
        assertTrue(runtime.location().startsWith("the suite's runtime environment"), runtime.location());
        assertTrue(runtime.providers().contains("CPU"), runtime.providers().toString());
        assertTrue(runtime.availability(Device.CPU, Precision.INT4).isAvailable());
        assertEquals(OpenVinoRuntime.ID, RuntimeCatalog.standard().get("openvino").id());
    }

    /** No GPU or NPU here: skipped, with what OpenVINO's plugin says (CPU-only machine; the GPU/NPU path is untested here). */
    @Test
    void devicesOpenVinoDoesNotListAreSkippedWithOpenVinosReason() {
        for (Device d : new Device[] {Device.IGPU, Device.DGPU, Device.NPU}) {
            Availability a = runtime.availability(d, Precision.FP16);
            assertEquals(Availability.Kind.SKIPPED, a.kind(), d.id());
            assertTrue(a.reason().contains("OpenVINO devices = [CPU]") && a.reason().contains("OpenVINO"), a.reason());
        }
        assertTrue(runtime.availability(Device.NPU, Precision.FP16).reason().contains("NPU plugin"),
                runtime.availability(Device.NPU, Precision.FP16).reason());
    }

    @Test
    void everyPrecisionLoadsAndGeneratesWithItsTimeline() {
        for (Precision p : Precision.values()) {
            try (StepwiseSession s = open(OpenVinoTestModels.tiny(p), SessionSettings.cpu().withThreads(2))) {
                TokenTimeline timeline = new TokenTimeline(TOKENS);
                s.generate(PROMPT, TOKENS, timeline);
                assertEquals(TOKENS, timeline.count(), p.id());
                assertTrue(s.lastRunNanos() > 0, p.id());
                assertEquals("CPU", s.info().details().get("EXECUTION_DEVICES"), p.id() + ": " + s.info().details());
                assertEquals("2", s.info().details().get("INFERENCE_NUM_THREADS"));
                assertEquals("LATENCY", s.info().details().get("PERFORMANCE_HINT"));
                assertEquals(2, s.info().layers());
            }
        }
    }

    @Test
    void fp32GivesTheOrtLoopsTokensAndLogits() {
        Run ort = reference();
        try (StepwiseSession s = open(OpenVinoTestModels.tiny(Precision.FP32), SessionSettings.cpu())) {
            Run ov = run(s);
            assertArrayEquals(ort.tokens(), ov.tokens(), "first 16 greedy tokens");
            assertTrue(minCosine(ov, ort) >= 0.9999, "cosine " + minCosine(ov, ort));
            assertEquals(ort.prefillLogits().length, ov.prefillLogits().length, "a prefill's logits hold every prompt position");
            assertTrue(cosine(ov.prefillLogits(), ort.prefillLogits()) >= 0.9999);
            assertEquals("f32", s.info().details().get("KV_CACHE_PRECISION"), "the fp32 IR's runtime_options keep the cache fp32");
        }
    }

    @Test
    void fp16MatchesTheFp32ReferenceClosely() {
        Run ort = reference();
        try (StepwiseSession s = open(OpenVinoTestModels.tiny(Precision.FP16), SessionSettings.cpu())) {
            Run ov = run(s);
            assertTrue(minCosine(ov, ort) >= 0.999, "cosine " + minCosine(ov, ort));
        }
    }

    /** int8/int4 agreement is reported, not required; a cosine far from 1 would mean broken decompression. */
    @Test
    void quantisedModelsAgreementWithTheReference() {
        Run ort = reference();
        for (Precision p : new Precision[] {Precision.INT8, Precision.INT4}) {
            try (StepwiseSession s = open(OpenVinoTestModels.tiny(p), SessionSettings.cpu())) {
                Run ov = run(s);
                int same = 0;
                while (same < TOKENS && ov.tokens()[same] == ort.tokens()[same]) {
                    same++;
                }
                System.out.printf("openvino %s vs onnxruntime fp32: first %d/%d greedy tokens equal, min logits cosine %.6f%n",
                        p.id(), same, TOKENS, minCosine(ov, ort));
                assertTrue(minCosine(ov, ort) > 0.99, p.id() + " cosine " + minCosine(ov, ort));
            }
        }
    }

    @Test
    void samplingInJavaAndInTheModelGiveTheSameTokens() {
        Path folder = OpenVinoTestModels.tiny(Precision.INT4);
        try (StepwiseSession inModel = open(folder, SessionSettings.cpu());
             StepwiseSession inJava = open(folder, SessionSettings.cpu().withSampling(SessionSettings.SAMPLING_JAVA))) {
            assertTrue(inModel.info().details().get("sampling").contains("runtime"));
            assertTrue(inJava.info().details().get("sampling").contains("java"));
            assertArrayEquals(run(inJava).tokens(), run(inModel).tokens());
        }
    }

    @Test
    void truncatingReplaysTheSameSteps() {
        try (StepwiseSession s = open(OpenVinoTestModels.tiny(Precision.FP32), SessionSettings.cpu())) {
            int first = s.prefill(PROMPT);
            int[] continued = new int[6];
            int t = first;
            for (int i = 0; i < continued.length; i++) {
                continued[i] = t = s.decode(t);
            }
            s.truncate(PROMPT.length + 3);
            assertEquals(PROMPT.length + 3, s.length());
            assertEquals(continued[3], s.decode(continued[2]), "after a rewind to the middle");
            s.truncate(PROMPT.length);
            assertEquals(continued[0], s.decode(first), "after a rewind to the prompt");
            s.truncate(0);
            assertEquals(0, s.length());
            assertEquals(first, s.prefill(PROMPT), "after a rewind to nothing");
            assertEquals(first, s.prefill(PROMPT), "a prefill starts from an empty cache");
            assertEquals(continued[0], s.decode(first));
        }
    }

    @Test
    void aFolderWithoutTheModelIsRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("config.json"), "{}");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> runtime.open(tmp, SessionSettings.cpu()));
        assertTrue(e.getMessage().contains("openvino_model.xml"), e.getMessage());
    }
}
