package dev.aipcbench.harness.runtime.genai;

import dev.aipcbench.harness.testing.NativeCompiler;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrtGenaiRuntimeTest {
    @TempDir
    static Path tmp;
    private static Path library;
    private static Path model;

    @BeforeAll
    static void buildFake() throws IOException {
        library = NativeCompiler.sharedLibrary(OrtGenaiRuntimeTest.class, "fake_ort_genai.c", tmp.resolve("lib"), OrtGenaiRuntime.LIBRARY_NAME);
        model = GenaiFolders.tiny(tmp.resolve("model"));
    }

    @Test
    void isAvailableOnEveryDeviceWhenTheLibraryLoads() {
        OrtGenaiRuntime runtime = new OrtGenaiRuntime(library);
        assertTrue(runtime.installed());
        for (Device device : Device.values()) {
            assertEquals(Availability.Kind.AVAILABLE, runtime.availability(device, Precision.INT4).kind(), device.id());
        }
        assertTrue(runtime.version().contains(library.toString()), runtime.version());
    }

    @Test
    void isSkippedNamingTheLibraryAndThePathWhenAbsent() {
        Path nowhere = tmp.resolve("no-such-folder");
        OrtGenaiRuntime runtime = new OrtGenaiRuntime(nowhere);
        Availability a = runtime.availability(Device.CPU, Precision.FP32);
        assertEquals(Availability.Kind.SKIPPED, a.kind());
        assertTrue(a.reason().startsWith("runtime library not installed: onnxruntime-genai not found at "), a.reason());
        assertTrue(a.reason().endsWith(nowhere + " (from the path given to the runtime)"), a.reason());
        assertFalse(runtime.installed());
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> runtime.open(model, SessionSettings.cpu()));
        assertEquals(a.reason(), e.getMessage());
    }

    @Test
    void theSystemPropertyPointsTheDefaultLookupAtTheLibrary() {
        String before = System.getProperty(OrtGenaiRuntime.LIBRARY_PROPERTY);
        try {
            System.setProperty(OrtGenaiRuntime.LIBRARY_PROPERTY, library.getParent().toString());
            assertTrue(new OrtGenaiRuntime().availability(Device.CPU, Precision.INT4).isAvailable());
            System.setProperty(OrtGenaiRuntime.LIBRARY_PROPERTY, tmp.resolve("missing.so").toString());
            Availability a = new OrtGenaiRuntime().availability(Device.CPU, Precision.INT4);
            assertEquals(Availability.Kind.SKIPPED, a.kind());
            assertTrue(a.reason().contains("(from -Daipcbench.genai.library)"), a.reason());
        } finally {
            if (before == null) {
                System.clearProperty(OrtGenaiRuntime.LIBRARY_PROPERTY);
            } else {
                System.setProperty(OrtGenaiRuntime.LIBRARY_PROPERTY, before);
            }
        }
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
    void libraryErrorsNameTheCallAndQuoteTheLibrary() throws IOException {
        OrtGenaiRuntime runtime = new OrtGenaiRuntime(library);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        OgaException config = assertThrows(OgaException.class, () -> runtime.open(empty, SessionSettings.cpu()));
        assertTrue(config.getMessage().startsWith("onnxruntime-genai OgaCreateConfig("), config.getMessage());
        assertTrue(config.getMessage().contains("Error opening " + empty + "/genai_config.json"), config.getMessage());

        try (GenerationSession s = runtime.open(model, SessionSettings.cpu().withMaxSequenceLength(8))) {
            OgaException tooLong = assertThrows(OgaException.class,
                    () -> ((OgaGenerationSession) s).prefill(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
            assertEquals("OgaGenerator_AppendTokens", tooLong.call());
            assertTrue(tooLong.getMessage().contains("exceeds max length (8)"), tooLong.getMessage());
        }
    }

    @Test
    void aProviderTheLibraryLacksSkipsTheCellAndCudaRunsTheDiscreteGpu() {
        OrtGenaiRuntime runtime = new OrtGenaiRuntime(library);
        DeviceUnavailableException npu = assertThrows(DeviceUnavailableException.class,
                () -> runtime.open(model, SessionSettings.cpu().withDevice(Device.NPU)));
        assertTrue(npu.getMessage().startsWith("execution provider OpenVINO(device_type=NPU) unavailable"), npu.getMessage());
        assertEquals("OpenVINO:device_type=NPU", FakeGenaiLibrary.at(library).fake_last_provider_option());

        try (GenerationSession s = runtime.open(model, SessionSettings.cpu().withDevice(Device.DGPU))) {
            assertEquals("cuda", s.info().provider());
            assertEquals("CUDA", s.info().details().get("device_type"));
            assertEquals("cuda", FakeGenaiLibrary.at(library).fake_last_provider());
        }
    }

    @Test
    void threadsAndOptimisationGoThroughTheConfigOverlay() {
        SessionSettings settings = new SessionSettings(Device.CPU, 3, "basic", 0, Map.of(), null, null);
        try (GenerationSession s = new OrtGenaiRuntime(library).open(model, settings)) {
            assertEquals("{\"model\":{\"decoder\":{\"session_options\":{\"intra_op_num_threads\":3,"
                    + "\"graph_optimization_level\":\"ORT_ENABLE_BASIC\"}}}}", FakeGenaiLibrary.at(library).fake_last_overlay());
            assertEquals("{\"intra_op_num_threads\":3,\"graph_optimization_level\":\"ORT_ENABLE_BASIC\"}",
                    s.info().details().get("session_options"));
        }
    }
}
