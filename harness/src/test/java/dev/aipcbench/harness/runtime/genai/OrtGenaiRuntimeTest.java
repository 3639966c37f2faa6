package dev.aipcbench.harness.runtime.genai;

import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.testing.RealLibraries;
import dev.aipcbench.harness.testing.TestModels;
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

/** The onnxruntime-genai runtime on its real library (the pip wheel in the suite's runtime environment). */
class OrtGenaiRuntimeTest {
    @TempDir
    static Path tmp;
    private static Path library;
    private static Path model;

    @BeforeAll
    static void realLibrary() {
        library = RealLibraries.onnxruntimeGenai();
        model = TestModels.tiny(Precision.INT4);
    }

    @Test
    void theWheelLoadsWithTheOnnxRuntimeItNeedsAndNamesItsVersion() {
        OrtGenaiRuntime runtime = new OrtGenaiRuntime(library);
        assertTrue(runtime.installed(), runtime.location());
        assertTrue(runtime.availability(Device.CPU, Precision.INT4).isAvailable());
        assertEquals("0.18.0", runtime.version());
        assertTrue(runtime.location().contains(library.toString()), runtime.location());
    }

    @Test
    void devicesWhoseProviderTheWheelLacksAreSkippedNamingTheMissingFile() {
        OrtGenaiRuntime runtime = new OrtGenaiRuntime(library);
        for (Device d : new Device[] {Device.IGPU, Device.NPU}) {
            Availability a = runtime.availability(d, Precision.INT4);
            assertEquals(Availability.Kind.SKIPPED, a.kind(), d.id());
            assertTrue(a.reason().contains("onnxruntime/capi/libonnxruntime_providers_openvino.so is missing"), a.reason());
        }
        Availability cuda = runtime.availability(Device.DGPU, Precision.INT4);
        assertTrue(cuda.reason().endsWith("onnxruntime_genai/libonnxruntime-genai-cuda.so is missing"), cuda.reason());
    }

    @Test
    void theDefaultLookupFindsTheWheelInTheSuitesRuntimeEnvironment() {
        OrtGenaiRuntime runtime = new OrtGenaiRuntime();
        assertTrue(runtime.installed(), runtime.location());
        assertTrue(runtime.location().startsWith("the suite's runtime environment "), runtime.location());
        assertTrue(runtime.searchTrail().get(0).endsWith("-> " + library.getFileName()), runtime.searchTrail().toString());
    }

    @Test
    void isSkippedNamingTheLibraryAndThePathWhenAbsent() {
        Path nowhere = tmp.resolve("no-such-folder");
        OrtGenaiRuntime runtime = new OrtGenaiRuntime(nowhere);
        Availability a = runtime.availability(Device.CPU, Precision.FP32);
        assertEquals(Availability.Kind.SKIPPED, a.kind());
        assertTrue(a.reason().startsWith("runtime library not installed: onnxruntime-genai (" + library.getFileName() + ") not found at "), a.reason());
        assertTrue(a.reason().endsWith(nowhere + " (from the path given to the runtime)"), a.reason());
        assertFalse(runtime.installed());
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> runtime.open(model, SessionSettings.cpu()));
        assertEquals(a.reason(), e.getMessage());
    }

    @Test
    void theSystemPropertyPointsTheDefaultLookupAtTheLibraryOrItsFolder() {
        String before = System.getProperty(OrtGenaiRuntime.LIBRARY_PROPERTY);
        try {
            System.setProperty(OrtGenaiRuntime.LIBRARY_PROPERTY, library.getParent().toString());
            OrtGenaiRuntime byFolder = new OrtGenaiRuntime();
            assertTrue(byFolder.availability(Device.CPU, Precision.INT4).isAvailable());
            assertTrue(byFolder.location().endsWith("(from -Daipcbench.genai.library)"), byFolder.location());
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
    void libraryErrorsNameTheCallAndQuoteTheLibrary() throws IOException {
        OrtGenaiRuntime runtime = new OrtGenaiRuntime(library);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        RuntimeException config = assertThrows(RuntimeException.class, () -> runtime.open(empty, SessionSettings.cpu()));
        assertTrue(config.getMessage().startsWith("onnxruntime-genai OgaCreateConfig("), config.getMessage());
        assertTrue(config.getMessage().contains("Error opening " + empty + "/genai_config.json"), config.getMessage());

        try (GenerationSession s = runtime.open(model, SessionSettings.cpu().withMaxSequenceLength(8))) {
            OgaException tooLong = assertThrows(OgaException.class,
                    () -> ((OgaGenerationSession) s).prefill(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
            assertEquals("OgaGenerator_AppendTokens", tooLong.call());
            assertTrue(tooLong.getMessage().contains("exceeds max length (9)"), tooLong.getMessage());
        }
    }

    @Test
    void aProviderTheWheelLacksSkipsTheCellNamingIt() {
        OrtGenaiRuntime runtime = new OrtGenaiRuntime(library);
        DeviceUnavailableException npu = assertThrows(DeviceUnavailableException.class,
                () -> runtime.open(model, SessionSettings.cpu().withDevice(Device.NPU)));
        assertTrue(npu.getMessage().startsWith("execution provider OpenVINO(device_type=NPU) unavailable in onnxruntime-genai: "), npu.getMessage());
        assertTrue(npu.getMessage().contains("OpenVINO execution provider is not supported in this build"), npu.getMessage());
        DeviceUnavailableException cuda = assertThrows(DeviceUnavailableException.class,
                () -> runtime.open(model, SessionSettings.cpu().withDevice(Device.DGPU)));
        assertTrue(cuda.getMessage().contains("Cuda interface not available"), cuda.getMessage());
    }

    @Test
    void threadsAndOptimisationGoThroughTheConfigOverlay() {
        SessionSettings settings = new SessionSettings(Device.CPU, 2, "basic", 32, Map.of(), null, null);
        try (GenerationSession s = new OrtGenaiRuntime(library).open(model, settings)) {
            assertEquals("{\"intra_op_num_threads\":2,\"graph_optimization_level\":\"ORT_ENABLE_BASIC\"}",
                    s.info().details().get("session_options"));
            TokenTimeline t = new TokenTimeline(4);
            s.generate(new int[] {1, 2, 3}, 4, t);
            assertEquals(4, t.count());
        }
    }
}
