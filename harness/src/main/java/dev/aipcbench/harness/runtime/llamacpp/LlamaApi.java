package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import dev.aipcbench.harness.runtime.nativelib.NativeSymbols;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * libllama as loaded here (the first of {@link LlamaCppBuilds}' candidates that loads), with the names its
 * API generation uses resolved once at load time. llama.cpp renamed most entry points in 2025
 * ({@code llama_load_model_from_file} to {@code llama_model_load_from_file}, {@code llama_new_context_with_model} to
 * {@code llama_init_from_model}, {@code llama_n_vocab(model)} to
 * {@code llama_vocab_n_tokens(llama_model_get_vocab(model))}) and moved cache edits from
 * {@code llama_kv_cache_seq_rm} to {@code llama_kv_self_seq_rm} to {@code llama_memory_seq_rm}; the
 * newest name wins and {@link #generation()} says which were found.
 *
 * <p>Builds with dynamically loaded backends (the release binaries, the npm prebuilts) get them loaded
 * before anything else ({@link GgmlBackends}); a build none of whose backends loads is passed over.
 */
public final class LlamaApi {
    /** How each library loaded here got its backends, by load name: they are loaded once per process. */
    private static final Map<String, String> BACKENDS = new HashMap<>();
    /** How {@link NativeLibraryLookup} begins the reason when a library is absent (rather than broken). */
    private static final String NOT_INSTALLED = "runtime library not installed";

    private final LlamaLibrary lib;
    private final String location;
    private final String source;
    private final String buildVersion;
    private final String load;
    private final String context;
    private final String freeModel;
    private final String removeTokens;
    private final boolean vocabObject;
    private final String contextTrain;
    private final String layers;
    private final boolean threads;
    private final boolean threadsQuery;
    private final boolean gpuQuery;
    private final boolean description;
    private final GgmlBackends ggml;
    private final List<String> passedOver = new ArrayList<>();
    private String backends = "";

    private LlamaApi(LlamaLibrary lib, NativeLibraryLookup.Found found, LlamaCppBuilds.Candidate candidate, NativeSymbols symbols) {
        this.lib = lib;
        this.location = found.library().getFile() != null ? found.library().getFile().getAbsolutePath() : found.loadName();
        this.source = candidate.source();
        this.buildVersion = candidate.version();
        this.load = symbols.firstOf("llama_model_load_from_file", "llama_load_model_from_file");
        this.context = symbols.firstOf("llama_init_from_model", "llama_new_context_with_model");
        this.freeModel = symbols.firstOf("llama_model_free", "llama_free_model");
        this.removeTokens = symbols.has("llama_get_memory") && symbols.has("llama_memory_seq_rm") ? "llama_memory_seq_rm"
                : symbols.firstOf("llama_kv_self_seq_rm", "llama_kv_cache_seq_rm");
        this.vocabObject = symbols.has("llama_vocab_n_tokens") && symbols.has("llama_model_get_vocab");
        this.contextTrain = symbols.firstOf("llama_model_n_ctx_train", "llama_n_ctx_train");
        this.layers = symbols.firstOf("llama_model_n_layer", "llama_n_layer");
        this.threads = symbols.has("llama_set_n_threads");
        this.threadsQuery = symbols.has("llama_n_threads");
        this.gpuQuery = symbols.has("llama_supports_gpu_offload");
        this.description = symbols.has("llama_model_desc");
        this.ggml = new GgmlBackends(found);
    }

    /**
     * Loads the first candidate that loads, offers one name of every function the suite needs and has a
     * backend, and initialises its backends (once per process and library). Candidates present but
     * unusable are remembered for {@link #passedOver()}.
     *
     * @throws DeviceUnavailableException when none does, naming each candidate and why
     */
    public static LlamaApi load(List<LlamaCppBuilds.Candidate> candidates) {
        if (Native.POINTER_SIZE != 8) {
            throw new DeviceUnavailableException("runtime library not usable: the llama.cpp binding needs a 64-bit JVM");
        }
        List<String> reasons = new ArrayList<>();
        List<String> passedOver = new ArrayList<>();
        for (LlamaCppBuilds.Candidate candidate : candidates) {
            try {
                LlamaApi api = load(candidate);
                api.passedOver.addAll(passedOver);
                return api;
            } catch (DeviceUnavailableException e) {
                if (candidates.size() == 1) {
                    throw e;
                }
                reasons.add(candidate.source() + ": " + e.getMessage());
                if (!e.getMessage().startsWith(NOT_INSTALLED)) {
                    passedOver.add(candidate.source() + ": " + e.getMessage());
                }
            }
        }
        throw new DeviceUnavailableException("runtime library not installed: no usable llama.cpp (" + String.join("; ", reasons) + ")");
    }

    private static LlamaApi load(LlamaCppBuilds.Candidate candidate) {
        NativeLibraryLookup.Found found = candidate.lookup().get().load();
        NativeSymbols symbols = new NativeSymbols(found.library(), found.loadName());
        symbols.require("llama.cpp with n_ubatch (March 2024 or newer)", "llama_backend_init", "llama_model_default_params",
                "llama_context_default_params", "llama_free", "llama_n_ctx", "llama_n_batch", "llama_n_ubatch",
                "llama_batch_get_one", "llama_decode", "llama_get_logits_ith");
        requireOneOf(symbols, "llama_model_load_from_file", "llama_load_model_from_file");
        requireOneOf(symbols, "llama_init_from_model", "llama_new_context_with_model");
        requireOneOf(symbols, "llama_model_free", "llama_free_model");
        requireOneOf(symbols, "llama_vocab_n_tokens", "llama_n_vocab");
        requireOneOf(symbols, "llama_memory_seq_rm", "llama_kv_self_seq_rm", "llama_kv_cache_seq_rm");
        LlamaLibrary lib = Native.load(found.loadName(), LlamaLibrary.class, NativeLibraryLookup.OPTIONS);
        LlamaApi api = new LlamaApi(lib, found, candidate, symbols);
        synchronized (BACKENDS) {
            String backends = BACKENDS.get(found.loadName());
            if (backends == null) {
                backends = api.ggml.load();
                lib.llama_backend_init();
                BACKENDS.put(found.loadName(), backends);
            }
            api.backends = backends;
        }
        return api;
    }

    private static void requireOneOf(NativeSymbols symbols, String... names) {
        if (symbols.firstOf(names) == null) {
            symbols.require("one of " + List.of(names), names[0]);
        }
    }

    LlamaLibrary library() {
        return lib;
    }

    /** The libllama file loaded. */
    public String location() {
        return location;
    }

    /** Which candidate it was, e.g. {@code environment variable LLAMA_CPP_LIBRARY} or {@code built-in (de.kherud:llama 4.2.0 ...)}. */
    public String source() {
        return source;
    }

    /** The build's version where its packaging says it ({@code de.kherud:llama 4.2.0}), else null. */
    public String buildVersion() {
        return buildVersion;
    }

    /** The preferred candidates that were present but not usable, each with why. */
    public List<String> passedOver() {
        return List.copyOf(passedOver);
    }

    /** How its ggml backends came: linked in, or loaded from its folder. */
    public String backends() {
        return backends;
    }

    /** The CPU backend variant loaded dynamically, e.g. {@code haswell}; empty when linked in or unknown. */
    public Optional<String> cpuVariant() {
        return ggml.cpuVariant();
    }

    /** The entry points in use, e.g. {@code llama_model_load_from_file, llama_init_from_model, llama_memory_seq_rm}. */
    public String generation() {
        return load + ", " + context + ", " + removeTokens + ", " + (vocabObject ? "llama_vocab_n_tokens" : "llama_n_vocab");
    }

    Pointer loadModel(String path, LlamaModelParams params) {
        return load.equals("llama_model_load_from_file") ? lib.llama_model_load_from_file(path, params)
                : lib.llama_load_model_from_file(path, params);
    }

    void freeModel(Pointer model) {
        if (freeModel.equals("llama_model_free")) {
            lib.llama_model_free(model);
        } else {
            lib.llama_free_model(model);
        }
    }

    Pointer newContext(Pointer model, LlamaContextParams params) {
        return context.equals("llama_init_from_model") ? lib.llama_init_from_model(model, params)
                : lib.llama_new_context_with_model(model, params);
    }

    int vocabSize(Pointer model) {
        return vocabObject ? lib.llama_vocab_n_tokens(lib.llama_model_get_vocab(model)) : lib.llama_n_vocab(model);
    }

    /** The context the model was trained with, or 0 when this build cannot say. */
    int trainedContext(Pointer model) {
        if (contextTrain == null) {
            return 0;
        }
        return contextTrain.equals("llama_model_n_ctx_train") ? lib.llama_model_n_ctx_train(model) : lib.llama_n_ctx_train(model);
    }

    /** Decoder layers, or -1 when this build cannot say. */
    int layers(Pointer model) {
        if (layers == null) {
            return -1;
        }
        return layers.equals("llama_model_n_layer") ? lib.llama_model_n_layer(model) : lib.llama_n_layer(model);
    }

    String describe(Pointer model) {
        if (!description) {
            return "";
        }
        byte[] buffer = new byte[256];
        int n = lib.llama_model_desc(model, buffer, buffer.length);
        return n <= 0 ? "" : new String(buffer, 0, Math.min(n, buffer.length - 1), StandardCharsets.UTF_8);
    }

    /** What the cache-edit calls take: the context's memory with the 2025 memory API, else the context. */
    Pointer cacheHandle(Pointer ctx) {
        return removeTokens.equals("llama_memory_seq_rm") ? lib.llama_get_memory(ctx) : ctx;
    }

    /** Removes sequence 0's positions from {@code from} on; false when the cache cannot drop part of a sequence. */
    boolean removeFrom(Pointer cacheHandle, int from) {
        switch (removeTokens) {
            case "llama_memory_seq_rm": return lib.llama_memory_seq_rm(cacheHandle, 0, from, -1) != 0;
            case "llama_kv_self_seq_rm": return lib.llama_kv_self_seq_rm(cacheHandle, 0, from, -1) != 0;
            default: return lib.llama_kv_cache_seq_rm(cacheHandle, 0, from, -1) != 0;
        }
    }

    boolean setsThreads() {
        return threads;
    }

    /** The context's decode threads as it reports them, or {@code asked} when this build cannot say. */
    int threads(Pointer context, int asked) {
        return threadsQuery ? lib.llama_n_threads(context) : asked;
    }

    /** {@code llama_supports_gpu_offload()}, or null when this build has no such query. */
    Boolean supportsGpuOffload() {
        return gpuQuery ? lib.llama_supports_gpu_offload() != 0 : null;
    }

    /** ggml's devices as {@code name (description)}, empty when ggml's device API is not reachable. */
    public List<String> devices() {
        return ggml.devices();
    }
}
