package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.UnsupportedCombinationException;
import dev.aipcbench.harness.testing.NativeCompiler;
import dev.aipcbench.harness.runtime.genai.OrtGenaiRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlamaCppRuntimeTest {
    @TempDir
    static Path tmp;
    private static Path cpuOnly;
    private static Path withGpu;

    @BeforeAll
    static void buildFakes() {
        cpuOnly = FakeLlama.build(tmp.resolve("cpu"));
        withGpu = FakeLlama.build(tmp.resolve("gpu"), "FAKE_GPU");
    }

    @Test
    void aCpuOnlyBuildRunsCpuAndSkipsGpusNamingWhy() {
        LlamaCppRuntime runtime = new LlamaCppRuntime(cpuOnly);
        assertTrue(runtime.availability(Device.CPU, Precision.INT4).isAvailable());
        Availability igpu = runtime.availability(Device.IGPU, Precision.INT4);
        assertEquals(Availability.Kind.SKIPPED, igpu.kind());
        assertTrue(igpu.reason().startsWith("no GPU backend: the llama.cpp at path " + cpuOnly), igpu.reason());
        assertTrue(igpu.reason().endsWith("(llama_supports_gpu_offload() = false)"), igpu.reason());
    }

    @Test
    void theNpuIsUnsupportedWhateverIsInstalled() {
        for (LlamaCppRuntime runtime : List.of(new LlamaCppRuntime(withGpu), new LlamaCppRuntime(tmp.resolve("none")))) {
            Availability npu = runtime.availability(Device.NPU, Precision.INT4);
            assertEquals(Availability.Kind.UNSUPPORTED, npu.kind());
            assertEquals("llama.cpp has no NPU backend", npu.reason());
        }
        assertThrows(UnsupportedCombinationException.class,
                () -> new LlamaCppRuntime(withGpu).open(tmp, SessionSettings.cpu().withDevice(Device.NPU)));
    }

    @Test
    void aGpuBuildRunsBothGpusAndListsGgmlsDevices() {
        LlamaCppRuntime runtime = new LlamaCppRuntime(withGpu);
        assertTrue(runtime.availability(Device.IGPU, Precision.FP16).isAvailable());
        assertTrue(runtime.availability(Device.DGPU, Precision.FP16).isAvailable());
        assertEquals(List.of("CPU (fake CPU)", "FakeGPU0 (fake integrated GPU)"), runtime.providers());
    }

    @Test
    void isSkippedNamingTheLibraryWhenAbsent() {
        String before = System.getProperty(LlamaCppRuntime.LIBRARY_PROPERTY);
        try {
            System.setProperty(LlamaCppRuntime.LIBRARY_PROPERTY, tmp.resolve("nowhere").toString());
            Availability a = new LlamaCppRuntime().availability(Device.CPU, Precision.INT4);
            assertEquals(Availability.Kind.SKIPPED, a.kind());
            assertEquals("runtime library not installed: llama (libllama.so) not found at " + tmp.resolve("nowhere")
                    + " (from -Daipcbench.llamacpp.library)", a.reason());
        } finally {
            if (before == null) {
                System.clearProperty(LlamaCppRuntime.LIBRARY_PROPERTY);
            } else {
                System.setProperty(LlamaCppRuntime.LIBRARY_PROPERTY, before);
            }
        }
    }

    @Test
    void aLibraryThatIsNotLlamaCppIsSkippedNamingWhatItLacks() {
        Path notLlama = NativeCompiler.sharedLibrary(OrtGenaiRuntime.class, "fake_ort_genai.c", tmp.resolve("not-llama"),
                LlamaCppRuntime.LIBRARY_NAME);
        Availability a = new LlamaCppRuntime(notLlama).availability(Device.CPU, Precision.INT4);
        assertEquals(Availability.Kind.SKIPPED, a.kind());
        assertTrue(a.reason().startsWith("runtime library incompatible: " + notLlama + " lacks [llama_backend_init"), a.reason());
    }

    @Test
    void versionNamesTheApiGenerationFound() {
        assertTrue(new LlamaCppRuntime(cpuOnly).version().contains("API llama_model_load_from_file, llama_init_from_model,"
                + " llama_memory_seq_rm, llama_vocab_n_tokens"), new LlamaCppRuntime(cpuOnly).version());
        Path old = FakeLlama.build(tmp.resolve("old"), "FAKE_OLD_API");
        assertTrue(new LlamaCppRuntime(old).version().contains("API llama_load_model_from_file, llama_new_context_with_model,"
                + " llama_kv_cache_seq_rm, llama_n_vocab"), new LlamaCppRuntime(old).version());
    }
}
