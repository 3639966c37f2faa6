package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.UnsupportedCombinationException;
import dev.aipcbench.harness.runtime.nativelib.LoadedOnce;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * llama.cpp's libllama ({@code llama}: libllama.so, llama.dll, libllama.dylib) through {@code llama.h},
 * stepped by the suite's loop ({@link LlamaCppSession}); every API generation since March 2024 is bound
 * ({@link LlamaApi}). The library is the first of {@link LlamaCppBuilds}' candidates that works: {@code
 * -Daipcbench.llamacpp.library=PATH}, else {@code LLAMA_CPP_LIBRARY} (a file or a folder; nothing else is
 * tried when one is set), else the npm prebuilt of the suite's runtime environment, else the library paths
 * and the system loader, else the built-in CPU build ({@link BuiltInLlama}), so llama.cpp runs with nothing
 * installed. Each session records which build ran and how its backends loaded.
 *
 * <p>Devices: cpu always; igpu and dgpu through whichever GPU backend the library was built with
 * (Vulkan, SYCL, CUDA, Metal ...), when {@code llama_supports_gpu_offload()} says it has one. llama.cpp
 * does not tell integrated from discrete GPUs the same way across versions, so the GPU used is
 * {@code main_gpu} (provider option, default 0; {@link #providers()} lists ggml's devices in order). npu
 * is unsupported: llama.cpp has no NPU backend. Precision is the GGUF file's own.
 */
public final class LlamaCppRuntime implements InferenceRuntime {
    public static final String ID = "llama.cpp";
    public static final String LIBRARY_NAME = "llama";
    public static final String LIBRARY_PROPERTY = "aipcbench.llamacpp.library";
    public static final String LIBRARY_ENV = "LLAMA_CPP_LIBRARY";

    private final LoadedOnce<LlamaApi> api;

    /** Finds libllama as the class comment says. */
    public LlamaCppRuntime() {
        this(() -> LlamaCppBuilds.candidates(RuntimeEnvironment.current()));
    }

    /** Uses the libllama at {@code library} (a file, or a folder holding it) and nothing else. */
    public LlamaCppRuntime(Path library) {
        this(() -> List.of(LlamaCppBuilds.at(library)));
    }

    private LlamaCppRuntime(Supplier<List<LlamaCppBuilds.Candidate>> candidates) {
        this.api = new LoadedOnce<>(() -> LlamaApi.load(candidates.get()));
    }

    private LlamaApi api() {
        return api.get();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelFormat modelFormat() {
        return ModelFormat.GGUF;
    }

    /**
     * llama.cpp has no version call: the build's packaged version where known, the API generation found
     * and where the library came from.
     */
    @Override
    public String version() {
        return api.describe(a -> (a.buildVersion() != null ? a.buildVersion() : "unknown (llama.cpp has no version call)")
                + "; API " + a.generation());
    }

    /** The build that loaded and where from (the npm prebuilt, a release folder, the built-in copy ...). */
    @Override
    public String location() {
        return api.describe(a -> a.source() + ", " + a.location());
    }

    @Override
    public boolean installed() {
        return api.loads();
    }

    /** ggml's devices (e.g. {@code CPU (...)}, {@code Vulkan0 (Intel(R) Arc(TM) Graphics)}), or CPU when ggml cannot say. */
    @Override
    public List<String> providers() {
        if (!installed()) {
            return List.of();
        }
        List<String> devices = new ArrayList<>(api().devices());
        return devices.isEmpty() ? List.of("CPU") : devices;
    }

    @Override
    public Availability availability(Device device, Precision precision) {
        if (device == Device.NPU) {
            return Availability.unsupported("llama.cpp has no NPU backend");
        }
        LlamaApi a;
        try {
            a = api();
        } catch (DeviceUnavailableException e) {
            return Availability.skipped(e.getMessage());
        }
        if (device != Device.CPU && Boolean.FALSE.equals(a.supportsGpuOffload())) {
            return Availability.skipped("no GPU backend: the llama.cpp at " + a.location()
                    + " was built without one (llama_supports_gpu_offload() = false)");
        }
        return Availability.available();
    }

    @Override
    public GenerationSession open(Path modelFolder, SessionSettings settings) {
        if (settings.device() == Device.NPU) {
            throw new UnsupportedCombinationException("llama.cpp has no NPU backend");
        }
        return LlamaCppSession.open(api(), version(), modelFolder, settings);
    }

    /**
     * llama.cpp's perf data ({@code llama_perf_context}) holds only the prompt-eval and eval totals and counts,
     * no time by operator, so the cell says so rather than showing a breakdown the runtime never measured.
     */
    @Override
    public java.util.Map<String, String> executionProfile(Path modelFolder, SessionSettings settings, Path workDir) {
        return java.util.Map.of(dev.aipcbench.results.TokenAnatomy.NOTE, "llama.cpp's perf data (llama_perf_context) has only "
                + "prompt-eval and eval totals, no time by operator: no anatomy");
    }
}
