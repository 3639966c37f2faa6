package dev.aipcbench.harness.runtime.openvinogenai;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The C API way in, against gcc-built fakes of openvino_c and openvino_genai_c (fake_openvino_c.c,
 * fake_openvino_genai_c.c): openvino_genai_c is built only into OpenVINO GenAI's archives, and no
 * installable build here has it (the openvino-genai wheel ships the C++ library and the Python module,
 * not the C API), so its real behaviour is tested on the Python way in (OvGenaiPythonSessionTest).
 */
class OvGenaiCApiRuntimeTest {
    @TempDir
    static Path tmp;
    private static Path aiPc;
    private static Path cpuOnly;
    private static Path model;

    @BeforeAll
    static void buildFakes() throws IOException {
        aiPc = FakeOpenVino.install(tmp.resolve("ai-pc"), List.of());
        cpuOnly = FakeOpenVino.install(tmp.resolve("cpu-only"), List.of("FAKE_CPU_ONLY"));
        model = FakeOpenVino.irFolder(tmp.resolve("ir"));
    }

    @Test
    void everyDeviceOpenVinoReportsIsAvailable() {
        OpenVinoGenaiRuntime runtime = new OpenVinoGenaiRuntime(aiPc);
        for (Device device : Device.values()) {
            assertTrue(runtime.availability(device, Precision.INT4).isAvailable(), device.id());
        }
        assertEquals(List.of("CPU", "GPU.0", "GPU.1", "NPU"), runtime.providers());
        assertTrue(runtime.version().equals("OpenVINO 2099.1.0-fake") && runtime.location().startsWith("C API, path " + aiPc),
                runtime.version());
    }

    @Test
    void devicesOpenVinoDoesNotReportAreSkippedListingThoseItDoes() {
        OpenVinoGenaiRuntime runtime = new OpenVinoGenaiRuntime(cpuOnly);
        assertTrue(runtime.availability(Device.CPU, Precision.INT4).isAvailable());
        Availability npu = runtime.availability(Device.NPU, Precision.INT4);
        assertEquals(Availability.Kind.SKIPPED, npu.kind());
        assertEquals("no NPU found: OpenVINO devices = [CPU]", npu.reason());
        assertEquals("no discrete GPU found: OpenVINO devices = [CPU]", runtime.availability(Device.DGPU, Precision.INT4).reason());
    }

    @Test
    void withoutOpenVinosCApiOnlyTheCpuCountsAndTheReasonSaysDevicesCannotBeQueried() {
        // The property pins openvino_c to a missing file: a fake loaded by another test would otherwise be found.
        Path missing = tmp.resolve("missing").resolve(System.mapLibraryName("openvino_c"));
        String before = System.getProperty(OvGenaiBinding.CORE_LIBRARY_PROPERTY);
        try {
            System.setProperty(OvGenaiBinding.CORE_LIBRARY_PROPERTY, missing.toString());
            OpenVinoGenaiRuntime runtime = new OpenVinoGenaiRuntime(FakeOpenVino.alone(tmp.resolve("alone")));
            assertTrue(runtime.availability(Device.CPU, Precision.INT4).isAvailable());
            Availability npu = runtime.availability(Device.NPU, Precision.INT4);
            assertEquals(Availability.Kind.SKIPPED, npu.kind());
            assertEquals("cannot query devices: runtime library not installed: openvino_c (libopenvino_c.so) not found at " + missing
                    + " (from -Daipcbench.openvino.core.library)", npu.reason());
            assertTrue(runtime.version().startsWith("unknown (runtime library not installed: openvino_c"), runtime.version());
        } finally {
            if (before == null) {
                System.clearProperty(OvGenaiBinding.CORE_LIBRARY_PROPERTY);
            } else {
                System.setProperty(OvGenaiBinding.CORE_LIBRARY_PROPERTY, before);
            }
        }
    }

    @Test
    void isSkippedNamingTheLibraryWhenAbsent() {
        Availability a = new OpenVinoGenaiRuntime(tmp.resolve("none")).availability(Device.CPU, Precision.INT4);
        assertEquals(Availability.Kind.SKIPPED, a.kind());
        assertEquals("runtime library not installed: openvino_genai_c (libopenvino_genai_c.so) not found at " + tmp.resolve("none")
                + " (from the path given to the runtime)", a.reason());
    }

    @Test
    void gpusAreChosenByDeviceTypeAndTheNpuGetsItsPromptLength() {
        OpenVinoGenaiRuntime runtime = new OpenVinoGenaiRuntime(aiPc);
        FakeOpenVino.Probe probe = FakeOpenVino.probe(aiPc);
        try (GenerationSession s = runtime.open(model, SessionSettings.cpu().withDevice(Device.IGPU))) {
            assertEquals("GPU.0", probe.fake_last_device());
            assertEquals("OpenVINO GPU.0 (openvino_genai_c)", s.info().provider());
            assertEquals("c", s.info().details().get("api"));
        }
        try (GenerationSession s = runtime.open(model, SessionSettings.cpu().withDevice(Device.DGPU))) {
            assertEquals("GPU.1", probe.fake_last_device());
            assertEquals("GPU.1", s.info().details().get("device"));
        }
        try (GenerationSession s = runtime.open(model, SessionSettings.cpu().withDevice(Device.NPU).withMaxSequenceLength(256))) {
            assertEquals("NPU", probe.fake_last_device());
            assertEquals("PERFORMANCE_HINT=LATENCY;MAX_PROMPT_LEN=256;", probe.fake_last_properties());
            assertEquals("{PERFORMANCE_HINT=LATENCY, MAX_PROMPT_LEN=256}", s.info().details().get("properties"));
        }
        SessionSettings hetero = new SessionSettings(Device.IGPU, 0, "all", 0, Map.of("device", "HETERO:GPU.0,CPU"), null, null);
        try (GenerationSession s = runtime.open(model, hetero)) {
            assertEquals("HETERO:GPU.0,CPU", probe.fake_last_device());
            assertEquals("PERFORMANCE_HINT=LATENCY;NUM_STREAMS=1;", probe.fake_last_properties());
            assertEquals("OpenVINO HETERO:GPU.0,CPU (openvino_genai_c)", s.info().provider());
        }
    }

    @Test
    void theSeedsSettingsAreDefaultsThatOpenVinoNamedProviderOptionsOverrideAndOthersSkip() {
        SessionSettings settings = new SessionSettings(Device.CPU, 2, "all", 0,
                Map.of("PERFORMANCE_HINT", "THROUGHPUT", "device_type", "CPU", "INFERENCE_PRECISION_HINT", "f32"), tmp.resolve("cache"), null);
        try (GenerationSession s = new OpenVinoGenaiRuntime(aiPc).open(model, settings)) {
            String properties = FakeOpenVino.probe(aiPc).fake_last_properties();
            assertTrue(properties.startsWith("PERFORMANCE_HINT=THROUGHPUT;NUM_STREAMS=1;CACHE_DIR=" + tmp.resolve("cache")
                    + ";INFERENCE_NUM_THREADS=2;"), properties);
            assertTrue(properties.contains("INFERENCE_PRECISION_HINT=f32;"), properties);
            assertFalse(properties.contains("device_type"), properties);
            assertEquals("{device_type=CPU} (not OpenVINO property names)", s.info().details().get("ignored_options"));
            assertEquals("OpenVINO CPU (openvino_genai_c)", s.info().provider());
        }
    }
}
