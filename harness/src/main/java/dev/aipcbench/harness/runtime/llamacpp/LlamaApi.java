package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import dev.aipcbench.harness.runtime.nativelib.NativeSymbols;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * libllama as loaded here, with the names its API generation uses resolved once at load time. llama.cpp
 * renamed most entry points in 2025 ({@code llama_load_model_from_file} to
 * {@code llama_model_load_from_file}, {@code llama_new_context_with_model} to
 * {@code llama_init_from_model}, {@code llama_n_vocab(model)} to
 * {@code llama_vocab_n_tokens(llama_model_get_vocab(model))}) and moved cache edits from
 * {@code llama_kv_cache_seq_rm} to {@code llama_kv_self_seq_rm} to {@code llama_memory_seq_rm}; the
 * newest name wins and {@link #generation()} says which were found.
 *
 * <p>Builds with dynamically loaded backends (the release binaries) need {@code ggml_backend_load_all()}
 * before anything else; it is called when libllama or a ggml library beside it exports it. The ggml device
 * list ({@code ggml_backend_dev_*}) is read the same way, for {@link #devices()}.
 */
public final class LlamaApi {
    private static final Set<String> INITIALISED = ConcurrentHashMap.newKeySet();

    private final LlamaLibrary lib;
    private final String location;
    private final String load;
    private final String context;
    private final String freeModel;
    private final String removeTokens;
    private final boolean vocabObject;
    private final String contextTrain;
    private final String layers;
    private final boolean threads;
    private final boolean gpuQuery;
    private final boolean description;
    private final GgmlFunctions ggml;

    private LlamaApi(LlamaLibrary lib, NativeLibraryLookup.Found found, NativeSymbols symbols) {
        this.lib = lib;
        this.location = found.origin();
        this.load = symbols.firstOf("llama_model_load_from_file", "llama_load_model_from_file");
        this.context = symbols.firstOf("llama_init_from_model", "llama_new_context_with_model");
        this.freeModel = symbols.firstOf("llama_model_free", "llama_free_model");
        this.removeTokens = symbols.has("llama_get_memory") && symbols.has("llama_memory_seq_rm") ? "llama_memory_seq_rm"
                : symbols.firstOf("llama_kv_self_seq_rm", "llama_kv_cache_seq_rm");
        this.vocabObject = symbols.has("llama_vocab_n_tokens") && symbols.has("llama_model_get_vocab");
        this.contextTrain = symbols.firstOf("llama_model_n_ctx_train", "llama_n_ctx_train");
        this.layers = symbols.firstOf("llama_model_n_layer", "llama_n_layer");
        this.threads = symbols.has("llama_set_n_threads");
        this.gpuQuery = symbols.has("llama_supports_gpu_offload");
        this.description = symbols.has("llama_model_desc");
        this.ggml = new GgmlFunctions(found);
    }

    /**
     * Loads libllama, checks it offers one name of every function the suite needs, and initialises its
     * backends (once per process and library).
     *
     * @throws DeviceUnavailableException when it is not found, does not load, or is of an unknown generation
     */
    public static LlamaApi load(NativeLibraryLookup lookup) {
        if (Native.POINTER_SIZE != 8) {
            throw new DeviceUnavailableException("runtime library not usable: the llama.cpp binding needs a 64-bit JVM");
        }
        NativeLibraryLookup.Found found = lookup.load();
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
        LlamaApi api = new LlamaApi(lib, found, symbols);
        if (INITIALISED.add(found.loadName())) {
            api.ggml.loadAllBackends();
            lib.llama_backend_init();
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

    /** Where libllama was loaded from. */
    public String location() {
        return location;
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

    /** {@code llama_supports_gpu_offload()}, or null when this build has no such query. */
    Boolean supportsGpuOffload() {
        return gpuQuery ? lib.llama_supports_gpu_offload() != 0 : null;
    }

    /** ggml's devices as {@code name (description)}, empty when ggml's device API is not reachable. */
    public List<String> devices() {
        return ggml.devices();
    }

    /** ggml's device API and backend loader, found in libllama or a ggml library beside it. */
    private static final class GgmlFunctions {
        private final Function loadAll;
        private final Function count;
        private final Function get;
        private final Function name;
        private final Function description;

        GgmlFunctions(NativeLibraryLookup.Found llama) {
            List<NativeLibrary> places = new ArrayList<>();
            places.add(llama.library());
            Path folder = llama.folder();
            for (String sibling : new String[] {"ggml", "ggml-base"}) {
                Path file = folder == null ? null : folder.resolve(System.mapLibraryName(sibling));
                if (file != null && Files.isRegularFile(file)) {
                    try {
                        places.add(NativeLibrary.getInstance(file.toString()));
                    } catch (UnsatisfiedLinkError e) {
                        // an unloadable ggml beside libllama only costs the device list
                    }
                }
            }
            loadAll = find(places, "ggml_backend_load_all");
            count = find(places, "ggml_backend_dev_count");
            get = find(places, "ggml_backend_dev_get");
            name = find(places, "ggml_backend_dev_name");
            description = find(places, "ggml_backend_dev_description");
        }

        private static Function find(List<NativeLibrary> places, String function) {
            for (NativeLibrary place : places) {
                try {
                    return place.getFunction(function);
                } catch (UnsatisfiedLinkError e) {
                    // try the next library
                }
            }
            return null;
        }

        void loadAllBackends() {
            if (loadAll != null) {
                loadAll.invokeVoid(new Object[0]);
            }
        }

        List<String> devices() {
            List<String> out = new ArrayList<>();
            if (count == null || get == null || name == null) {
                return out;
            }
            long n = count.invokeLong(new Object[0]);
            for (long i = 0; i < n; i++) {
                Pointer device = get.invokePointer(new Object[] {i});
                String text = name.invokeString(new Object[] {device}, false);
                if (description != null) {
                    text += " (" + description.invokeString(new Object[] {device}, false) + ")";
                }
                out.add(text);
            }
            return out;
        }
    }
}
