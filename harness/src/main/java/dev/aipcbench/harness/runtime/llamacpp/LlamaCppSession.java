package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.runtime.GreedySampler;
import dev.aipcbench.harness.runtime.KvCapacity;
import dev.aipcbench.harness.runtime.SessionInfo;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.StepwiseSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A GGUF model run by libllama, stepped by the suite's loop: each step is one {@code llama_decode} of a
 * {@code llama_batch_get_one} batch (sequence 0, only the last position's logits requested), then
 * {@code llama_get_logits_ith} and a greedy argmax in Java, as the ONNX Runtime session does. Truncation
 * removes sequence 0's positions from the cache ({@code llama_memory_seq_rm} or its older names).
 *
 * <p>The context holds the session's max sequence length (else the model's training context);
 * {@code n_batch} equals it, so a whole prompt is one {@code llama_decode}, and {@code n_ubatch} is
 * llama.cpp's default 512 (provider option {@code n_ubatch} overrides), which llama.cpp splits the
 * prompt into. GPU devices offload every layer to one GPU ({@code main_gpu}, provider option, default 0);
 * provider option {@code n_gpu_layers} overrides.
 *
 * <p>{@link #logits()} returns one row, the last position's: llama.cpp computes only the positions a
 * batch asks for, and these batches ask for the last.
 */
public final class LlamaCppSession implements StepwiseSession {
    private static final int ALL_LAYERS = 999;
    private static final int DEFAULT_MICRO_BATCH = 512;

    private final LlamaApi api;
    private final LlamaLibrary lib;
    private final Pointer model;
    private final Pointer context;
    private final Pointer cache;
    private final int vocab;
    private final int contextSize;
    private final int batchSize;
    private final Memory tokens;
    private final GreedySampler sampler;
    private final SessionInfo info;

    private int length;
    private int lastBatchSize;
    private long lastRunNanos;
    private boolean closed;

    private LlamaCppSession(LlamaApi api, Pointer model, Pointer context, int vocab, int contextSize, int batchSize,
                            SessionInfo info) {
        this.api = api;
        this.lib = api.library();
        this.model = model;
        this.context = context;
        this.cache = api.cacheHandle(context);
        this.vocab = vocab;
        this.contextSize = contextSize;
        this.batchSize = batchSize;
        this.tokens = new Memory(4L * batchSize);
        this.sampler = new GreedySampler(vocab);
        this.info = info;
    }

    /**
     * Loads a GGUF file (or the only .gguf file in a folder).
     *
     * @throws ModelFormatException  when there is no GGUF file or llama.cpp cannot load it
     * @throws IllegalStateException when the context cannot be created as asked
     */
    public static LlamaCppSession open(LlamaApi api, String runtimeVersion, Path modelPath, SessionSettings settings) {
        Path file = ggufFile(modelPath);
        LlamaLibrary lib = api.library();
        Map<String, String> options = settings.providerOptions();
        boolean gpu = settings.device() != Device.CPU;
        int gpuLayers = intOption(options, "n_gpu_layers", gpu ? ALL_LAYERS : 0);
        int mainGpu = gpu ? intOption(options, "main_gpu", 0) : -1;
        LlamaModelParams modelParams = lib.llama_model_default_params();
        modelParams.offload(gpuLayers, mainGpu);
        Pointer model = api.loadModel(file.toAbsolutePath().toString(), modelParams);
        if (model == null) {
            throw new ModelFormatException(file, "llama.cpp could not load it (" + api.generation().split(",")[0]
                    + " returned NULL; llama.cpp's log on stderr says why)");
        }
        try {
            int trained = api.trainedContext(model);
            int contextSize = settings.maxSequenceLength() > 0 ? settings.maxSequenceLength() : (trained > 0 ? trained : 4096);
            int microBatch = intOption(options, "n_ubatch", Math.min(DEFAULT_MICRO_BATCH, contextSize));
            LlamaContextParams contextParams = lib.llama_context_default_params();
            contextParams.size(contextSize, contextSize, microBatch);
            Pointer context = api.newContext(model, contextParams);
            if (context == null) {
                throw new IllegalStateException("llama.cpp could not create a context of " + contextSize
                        + " tokens (llama.cpp's log on stderr says why)");
            }
            try {
                return create(api, runtimeVersion, model, context, file, settings, gpuLayers, mainGpu, contextSize, microBatch);
            } catch (RuntimeException e) {
                lib.llama_free(context);
                throw e;
            }
        } catch (RuntimeException e) {
            api.freeModel(model);
            throw e;
        }
    }

    private static LlamaCppSession create(LlamaApi api, String runtimeVersion, Pointer model, Pointer context, Path file,
                                          SessionSettings settings, int gpuLayers, int mainGpu, int contextSize, int microBatch) {
        LlamaLibrary lib = api.library();
        int actualContext = lib.llama_n_ctx(context);
        int actualBatch = lib.llama_n_batch(context);
        if (actualContext < contextSize || actualBatch < Math.min(contextSize, actualContext)) {
            throw new IllegalStateException("llama.cpp made a context of n_ctx=" + actualContext + ", n_batch=" + actualBatch
                    + " where n_ctx=" + contextSize + ", n_batch=" + contextSize + " was asked: llama_context_params"
                    + " has a layout the suite does not recognise");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("library", api.location());
        details.put("library_source", api.source());
        if (api.buildVersion() != null) {
            details.put("library_version", api.buildVersion());
        }
        if (!api.passedOver().isEmpty()) {
            details.put("library_passed_over", String.join("; ", api.passedOver()));
        }
        details.put("api", api.generation());
        details.put("ggml_backends", api.backends());
        api.cpuVariant().ifPresent(variant -> details.put("ggml_cpu_variant", variant));
        details.put("model", api.describe(model));
        details.put("n_ctx", Integer.toString(actualContext));
        details.put("n_batch", Integer.toString(actualBatch));
        details.put("n_ubatch", Integer.toString(lib.llama_n_ubatch(context)));
        details.put("n_gpu_layers", Integer.toString(gpuLayers));
        // Without a thread count, as llama.cpp's own tools do: one thread per physical core. The library's
        // default (4) oversubscribes small machines, where ggml's spinning workers then cost 100-fold.
        int threads = settings.intraOpThreads() > 0 ? settings.intraOpThreads() : PhysicalCores.COUNT;
        if (api.setsThreads()) {
            lib.llama_set_n_threads(context, threads, threads);
            details.put("threads", api.threads(context, threads) + (settings.intraOpThreads() > 0 ? "" : " (one per physical core)"));
        } else {
            details.put("threads", "llama.cpp default (no llama_set_n_threads in this build)");
        }
        List<String> devices = api.devices();
        if (!devices.isEmpty()) {
            details.put("ggml_devices", String.join(", ", devices));
        }
        String provider = settings.device() == Device.CPU ? "CPU" + api.cpuVariant().map(v -> " (ggml-cpu-" + v + ")").orElse("")
                : "GPU offload (n_gpu_layers=" + gpuLayers + ", main_gpu=" + mainGpu + ")";
        int vocab = api.vocabSize(model);
        SessionInfo info = new SessionInfo(LlamaCppRuntime.ID, runtimeVersion, provider, vocab, api.layers(model),
                "per GGUF tensor type", "llama.cpp(" + actualContext + ")", details);
        return new LlamaCppSession(api, model, context, vocab, actualContext, Math.min(actualBatch, actualContext), info);
    }

    private static Path ggufFile(Path path) {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (!Files.isDirectory(path)) {
            throw new ModelFormatException(path, "not found (expected a .gguf file or a folder holding one)");
        }
        List<Path> found;
        try (Stream<Path> files = Files.list(path)) {
            found = files.filter(p -> p.getFileName().toString().endsWith(".gguf")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.size() != 1) {
            throw new ModelFormatException(path, "expected exactly one .gguf file in the folder, found " + found.size()
                    + (found.isEmpty() ? "" : " " + found.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList())));
        }
        return found.get(0);
    }

    /** The machine's physical cores, counted once (OSHI). */
    private static final class PhysicalCores {
        static final int COUNT = Math.max(1, new oshi.SystemInfo().getHardware().getProcessor().getPhysicalProcessorCount());
    }

    private static int intOption(Map<String, String> options, String key, int fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provider option " + key + "=" + value + " is not an integer");
        }
    }

    @Override
    public int prefill(int[] prompt) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt must hold at least one token");
        }
        requireBatch(prompt.length);
        truncate(0);
        tokens.write(0, prompt, 0, prompt.length);
        return step(prompt.length);
    }

    @Override
    public int decode(int token) {
        tokens.setInt(0, token);
        return step(1);
    }

    /** Decodes {@code count} tokens from the token buffer at the current position; returns the greedy next token. */
    private int step(int count) {
        // checked before llama_decode, whose status for a full cache differs by version (1, or -3 "failed to prepare ubatch")
        KvCapacity.requireRoom(length, count, contextSize);
        long t0 = System.nanoTime();
        LlamaBatch batch = lib.llama_batch_get_one(tokens, count, length, 0);
        int status = lib.llama_decode(context, batch);
        if (status != 0) {
            throw new IllegalStateException(decodeError(status, count));
        }
        Pointer logits = lib.llama_get_logits_ith(context, count - 1);
        lastRunNanos = System.nanoTime() - t0;
        if (logits == null) {
            throw new IllegalStateException("llama_get_logits_ith(" + (count - 1) + ") returned NULL after llama_decode");
        }
        length += count;
        lastBatchSize = count;
        return sampler.argmax(logits, 0, false);
    }

    private void requireBatch(int count) {
        if (count > batchSize) {
            throw new IllegalStateException(count + " tokens exceed the batch of " + batchSize
                    + " (the context size: raise the max sequence length)");
        }
    }

    private String decodeError(int status, int count) {
        String what;
        if (status == 1) {
            what = "no KV cache slot for " + count + " tokens at position " + length + " (the context holds " + contextSize
                    + "; raise the max sequence length)";
        } else if (status == 2) {
            what = "aborted";
        } else if (status == -1) {
            what = "invalid input batch";
        } else {
            what = "fatal error (llama.cpp's log on stderr says why)";
        }
        return "llama_decode returned " + status + ": " + what;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public void truncate(int newLength) {
        KvCapacity.requireTruncatable(length, newLength);
        if (newLength == length && newLength > 0) {
            return;
        }
        if (!api.removeFrom(cache, newLength)) {
            throw new IllegalStateException("llama.cpp could not drop positions " + newLength + ".. of the cache"
                    + " (this model's memory cannot remove part of a sequence, e.g. a recurrent model)");
        }
        length = newLength;
        lastBatchSize = 0;
    }

    @Override
    public long lastRunNanos() {
        return lastRunNanos;
    }

    /** The last position's logits, one row {@code [1, vocab]}, copied. */
    @Override
    public FloatBuffer logits() {
        if (lastBatchSize == 0) {
            throw new IllegalStateException("no logits: nothing has run since the cache was emptied or truncated");
        }
        Pointer logits = lib.llama_get_logits_ith(context, lastBatchSize - 1);
        float[] row = new float[vocab];
        logits.read(0, row, 0, vocab);
        return FloatBuffer.wrap(row);
    }

    /** The context size in tokens. */
    public int contextSize() {
        return contextSize;
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lib.llama_free(context);
        api.freeModel(model);
    }
}
