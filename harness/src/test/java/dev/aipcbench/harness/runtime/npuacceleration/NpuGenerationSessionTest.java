package dev.aipcbench.harness.runtime.npuacceleration;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.runtime.UnsupportedCombinationException;
import dev.aipcbench.harness.runtime.pythondriver.DriverProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpuGenerationSessionTest {
    private static final int[] PROMPT = {1, 450, 17, 99, 3};

    @TempDir
    Path tmp;
    private Path python;
    private NpuAccelerationLibraryRuntime runtime;

    @BeforeEach
    void fakePython() throws IOException {
        python = FakePython.create(tmp.resolve("bin"), FakePython.WITH_NPU);
        runtime = new NpuAccelerationLibraryRuntime(python);
    }

    private static SessionSettings npu(String dtype) {
        return new SessionSettings(Device.NPU, 0, "all", 0, Map.of("dtype", dtype), null, null);
    }

    @Test
    void generationsFillTheTimelineFromTheDriversLinesInOneLongLivedProcess() {
        try (GenerationSession s = runtime.open(tmp.resolve("phi-3-mini"), npu("int4"))) {
            for (int round = 0; round < 2; round++) {
                TokenTimeline timeline = new TokenTimeline(8);
                s.generate(PROMPT, 7, timeline);
                assertEquals(7, timeline.count());
                assertEquals(PROMPT.length, timeline.promptTokens());
                assertArrayEquals(FakePython.expected(PROMPT, 7), timeline.tokens());
                assertEquals(250_000, timeline.ttftNanos());
                assertEquals(250_000, timeline.latencyNanos(6));
                assertEquals(200_000, timeline.runtimeNanos(3));
            }
            assertEquals(1000, s.info().vocabSize());
            assertEquals(2, s.info().layers());
            assertEquals("int4", s.info().details().get("dtype"));
            assertEquals("Intel NPU (int4)", s.info().provider());
            assertEquals("NPU, driver 1.13.0", s.info().details().get(NpuGenerationSession.BACKEND), "the library's own backend report");
        }
    }

    @Test
    void theDtypeReachesTheDriverAndAnUnknownOneIsRefused() throws IOException {
        runtime.open(tmp.resolve("model"), npu("INT8")).close();
        assertEquals("int8", Files.readString(python.resolveSibling("last_dtype")).strip());
        assertThrows(IllegalArgumentException.class, () -> runtime.open(tmp.resolve("model"), npu("fp32")));
        assertThrows(UnsupportedCombinationException.class, () -> runtime.open(tmp.resolve("model"), SessionSettings.cpu()));
    }

    @Test
    void theDriverHandedToPythonIsValidPython() throws IOException, InterruptedException {
        runtime.open(tmp.resolve("model"), npu("fp16")).close();
        Path driver = python.resolveSibling("last_driver.py");
        assertEquals(DriverProcess.source(NpuGenerationSession.class, NpuGenerationSession.DRIVER), Files.readString(driver, StandardCharsets.UTF_8));
        Process compile;
        try {
            compile = new ProcessBuilder("python3", "-m", "py_compile", driver.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed on PATH to check the NPU driver script's syntax: " + e.getMessage(), e);
        }
        String output = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(compile.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, compile.exitValue(), output);
    }

    @Test
    void aModelTheLibraryCannotLoadFailsWithItsMessage() {
        Path broken = tmp.resolve("broken-model");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runtime.open(broken, npu("fp16")));
        assertEquals("NPU acceleration library failed while loading " + broken + ": loading " + broken
                + " failed: OSError: no config.json", e.getMessage());
    }

    @Test
    void aDriverThatDiesReportsItsExitStatusAndStderr() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runtime.open(tmp.resolve("crash"), npu("fp16")));
        assertTrue(e.getMessage().startsWith("NPU acceleration library driver ended while loading " + tmp.resolve("crash")
                + " (exit status 139); stderr:\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fatal Python error: Segmentation fault"), e.getMessage());
    }

    @Test
    void aFailedGenerationSurfacesAndTheSessionGoesOn() {
        try (GenerationSession s = runtime.open(tmp.resolve("model"), npu("fp16"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> s.generate(new int[] {666, 1}, 4, new TokenTimeline(4)));
            assertEquals("NPU acceleration library failed while generating: RuntimeError: fake NPU fault", e.getMessage());
            TokenTimeline timeline = new TokenTimeline(3);
            s.generate(PROMPT, 3, timeline);
            assertArrayEquals(FakePython.expected(PROMPT, 3), timeline.tokens());
        }
    }

    @Test
    void aLibraryThatFoundNoNpuSaysSoInTheSessionsBackendReport() {
        try (GenerationSession s = runtime.open(tmp.resolve("phi-3-no-npu-backend"), npu("int4"))) {
            assertEquals("no NPU found by the library (driver 0): not on an NPU", s.info().details().get(NpuGenerationSession.BACKEND));
        }
    }
}
