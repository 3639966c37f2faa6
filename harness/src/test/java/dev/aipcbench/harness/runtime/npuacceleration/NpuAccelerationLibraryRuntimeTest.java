package dev.aipcbench.harness.runtime.npuacceleration;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpuAccelerationLibraryRuntimeTest {
    @TempDir
    Path tmp;

    @Test
    void isAvailableOnTheNpuWhenTheModuleImportsAndSeesOne() throws IOException {
        NpuAccelerationLibraryRuntime runtime = new NpuAccelerationLibraryRuntime(FakePython.create(tmp, FakePython.WITH_NPU));
        assertTrue(runtime.availability(Device.NPU, Precision.INT4).isAvailable());
        assertTrue(runtime.availability(Device.NPU, Precision.FP16).isAvailable());
        assertEquals("1.4.0 (archived upstream)", runtime.version());
        assertEquals(List.of("NPU"), runtime.providers());
        assertEquals("hf-transformers", runtime.modelFormat().id());
    }

    @Test
    void otherDevicesAndFp32AreUnsupportedWhateverIsInstalled() {
        NpuAccelerationLibraryRuntime runtime = new NpuAccelerationLibraryRuntime(tmp.resolve("no-python"));
        for (Device device : List.of(Device.CPU, Device.IGPU, Device.DGPU)) {
            Availability a = runtime.availability(device, Precision.INT4);
            assertEquals(Availability.Kind.UNSUPPORTED, a.kind());
            assertEquals("the NPU acceleration library runs only on Intel NPUs", a.reason());
        }
        assertEquals(Availability.Kind.UNSUPPORTED, runtime.availability(Device.NPU, Precision.FP32).kind());
    }

    @Test
    void aMissingModuleIsSkippedQuotingPythonsError() throws IOException {
        Path python = FakePython.create(tmp, FakePython.NOT_INSTALLED);
        NpuAccelerationLibraryRuntime runtime = new NpuAccelerationLibraryRuntime(python);
        Availability a = runtime.availability(Device.NPU, Precision.INT4);
        assertEquals(Availability.Kind.SKIPPED, a.kind());
        assertEquals("runtime library not installed: python module intel_npu_acceleration_library not importable by python3 ("
                + python + ": ModuleNotFoundError: No module named 'intel_npu_acceleration_library')", a.reason());
        assertFalse(runtime.installed());
    }

    @Test
    void aMissingInterpreterIsSkippedNamingIt() {
        Path python = tmp.resolve("no-python").resolve("python3");
        Availability a = new NpuAccelerationLibraryRuntime(python).availability(Device.NPU, Precision.INT8);
        assertEquals(Availability.Kind.SKIPPED, a.kind());
        assertEquals("runtime library not installed: python module intel_npu_acceleration_library not importable by python3 ("
                + python + " does not exist)", a.reason());
    }

    @Test
    void theInterpreterPropertyIsUsedByTheDefaultConstructor() throws IOException {
        Path python = FakePython.create(tmp, FakePython.WITH_NPU);
        String before = System.getProperty(NpuAccelerationLibraryRuntime.PYTHON_PROPERTY);
        try {
            System.setProperty(NpuAccelerationLibraryRuntime.PYTHON_PROPERTY, python.toString());
            assertTrue(new NpuAccelerationLibraryRuntime().availability(Device.NPU, Precision.INT4).isAvailable());
        } finally {
            if (before == null) {
                System.clearProperty(NpuAccelerationLibraryRuntime.PYTHON_PROPERTY);
            } else {
                System.setProperty(NpuAccelerationLibraryRuntime.PYTHON_PROPERTY, before);
            }
        }
    }

    @Test
    void withoutAnNpuTheLibraryWouldFallBackSoTheCellIsSkipped() throws IOException {
        Path python = FakePython.create(tmp, FakePython.WITHOUT_NPU);
        Availability a = new NpuAccelerationLibraryRuntime(python).availability(Device.NPU, Precision.INT4);
        assertEquals(Availability.Kind.SKIPPED, a.kind());
        assertEquals("no NPU found: intel_npu_acceleration_library.backend.npu_available() is False (" + python + ")", a.reason());
    }
}
