package dev.aipcbench.harness.runtime.genai;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.testing.NativeCompiler;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What no installable build offers, on a small fake library compiled from fake_ort_genai.c: API
 * generations older than the pip wheel's (no OgaGenerator_AppendTokens; no OgaGenerator_RewindTo and no
 * logits), and a CUDA build with a discrete GPU (the wheel here is the CPU one, on a machine without a
 * GPU). Everything an installed build can do is tested on the real library (OgaGenerationSessionTest,
 * OrtGenaiRuntimeTest).
 */
class OgaOlderBuildsTest {
    private static final int VOCAB = 32064;
    private static final int[] PROMPT = {1, 3000, 17, 29871, 400, 8000};

    @TempDir
    static Path tmp;
    /** The fake reads genai_config.json only; the suite checks the folder as it would for the real library. */
    private static Path model;

    @BeforeAll
    static void folder() {
        model = TestModels.tiny(Precision.INT4);
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
    void aBuildWithoutAppendTokensIsSkippedNamingTheFunction() {
        Path old = NativeCompiler.sharedLibrary(getClass(), "fake_ort_genai.c", tmp.resolve("no-append"),
                OrtGenaiRuntime.LIBRARY_NAME, "FAKE_NO_APPEND");
        Availability a = new OrtGenaiRuntime(old).availability(Device.CPU, Precision.INT4);
        assertEquals(Availability.Kind.SKIPPED, a.kind());
        assertTrue(a.reason().startsWith("runtime library incompatible: "), a.reason());
        assertTrue(a.reason().contains("[OgaGenerator_AppendTokens]"), a.reason());
    }

    @Test
    void aBuildWithoutRewindRefillsButCannotTruncateMidway() {
        Path old = NativeCompiler.sharedLibrary(getClass(), "fake_ort_genai.c", tmp.resolve("no-rewind"),
                OrtGenaiRuntime.LIBRARY_NAME, "FAKE_NO_REWIND");
        try (OgaGenerationSession s = (OgaGenerationSession) new OrtGenaiRuntime(old).open(model, SessionSettings.cpu().withMaxSequenceLength(64))) {
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

    @Test
    void aCudaBuildRunsTheDiscreteGpuOnGenaisCudaProvider() {
        Path library = NativeCompiler.sharedLibrary(getClass(), "fake_ort_genai.c", tmp.resolve("cuda"), OrtGenaiRuntime.LIBRARY_NAME);
        try (GenerationSession s = new OrtGenaiRuntime(library).open(model, SessionSettings.cpu().withDevice(Device.DGPU))) {
            assertEquals("cuda", s.info().provider());
            assertEquals("CUDA", s.info().details().get("device_type"));
            assertEquals("cuda", FakeGenaiLibrary.at(library).fake_last_provider());
        }
    }
}
