package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.UnsupportedCombinationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime on the two real builds (see {@link RealLlamaBuilds}); GPU builds are covered by {@link LlamaCppFakeBuildsTest}. */
class LlamaCppRuntimeTest {
    @TempDir
    static Path tmp;

    @Test
    void bothRealBuildsRunTheCpuAndSkipGpusNamingWhy() {
        for (Map.Entry<String, Path> build : RealLlamaBuilds.both().entrySet()) {
            LlamaCppRuntime runtime = new LlamaCppRuntime(build.getValue());
            assertTrue(runtime.availability(Device.CPU, Precision.INT4).isAvailable(), build.getKey());
            Availability igpu = runtime.availability(Device.IGPU, Precision.INT4);
            assertEquals(Availability.Kind.SKIPPED, igpu.kind(), build.getKey());
            assertEquals("no GPU backend: the llama.cpp at " + build.getValue().toAbsolutePath()
                    + " was built without one (llama_supports_gpu_offload() = false)", igpu.reason());
        }
    }

    @Test
    void providersAreGgmlsDevicesOfEitherBuild() {
        for (Path library : RealLlamaBuilds.both().values()) {
            List<String> providers = new LlamaCppRuntime(library).providers();
            assertEquals(1, providers.size(), providers.toString());
            assertTrue(providers.get(0).startsWith("CPU ("), providers.toString());
        }
    }

    @Test
    void theNpuIsUnsupportedWhateverIsInstalled() {
        for (LlamaCppRuntime runtime : List.of(new LlamaCppRuntime(RealLlamaBuilds.builtIn()), new LlamaCppRuntime(tmp.resolve("none")))) {
            Availability npu = runtime.availability(Device.NPU, Precision.INT4);
            assertEquals(Availability.Kind.UNSUPPORTED, npu.kind());
            assertEquals("llama.cpp has no NPU backend", npu.reason());
        }
        assertThrows(UnsupportedCombinationException.class,
                () -> new LlamaCppRuntime(RealLlamaBuilds.builtIn()).open(tmp, SessionSettings.cpu().withDevice(Device.NPU)));
    }

    @Test
    void isSkippedNamingTheLibraryWhenTheExplicitSettingPointsNowhere() {
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
        // ggml's base library, beside the npm prebuilt's libllama: real, loadable, and not libllama.
        Path ggmlBase = RealLlamaBuilds.npm().resolveSibling(System.mapLibraryName("ggml-base"));
        Availability a = new LlamaCppRuntime(ggmlBase).availability(Device.CPU, Precision.INT4);
        assertEquals(Availability.Kind.SKIPPED, a.kind());
        assertTrue(a.reason().startsWith("runtime library incompatible: " + ggmlBase + " lacks [llama_backend_init"), a.reason());
    }

    @Test
    void versionNamesTheApiGenerationOfEachBuild() {
        assertTrue(new LlamaCppRuntime(RealLlamaBuilds.builtIn()).version().contains("API llama_model_load_from_file,"
                + " llama_init_from_model, llama_kv_self_seq_rm, llama_vocab_n_tokens"));
        assertTrue(new LlamaCppRuntime(RealLlamaBuilds.npm()).version().contains("API llama_model_load_from_file,"
                + " llama_init_from_model, llama_memory_seq_rm, llama_vocab_n_tokens"));
    }
}
