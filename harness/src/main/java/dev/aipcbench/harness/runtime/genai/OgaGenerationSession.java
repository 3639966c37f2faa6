package dev.aipcbench.harness.runtime.genai;

import ai.onnxruntime.platform.Fp16Conversions;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.ByteByReference;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.aipcbench.harness.model.onnx.GenaiConfig;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.KvCapacity;
import dev.aipcbench.harness.runtime.SessionInfo;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.StepwiseSession;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A model run by the onnxruntime-genai native library, stepped by the suite's own loop. Search is greedy
 * ({@code do_sample=false}, {@code top_k=1}) with {@code min_length = max_length}, so genai never stops
 * on EOS.
 *
 * <p><b>How the steps map onto genai.</b> genai samples inside {@code OgaGenerator_GenerateNextToken} and
 * appends the sampled token to its sequence itself, but runs the model on it only at the next
 * {@code GenerateNextToken}. So:
 * <ul>
 *   <li>{@link #prefill}: {@code AppendTokens(prompt)} (the prompt's forward pass) +
 *       {@code GenerateNextToken} (sampling) + {@code GetNextTokens}: the suite's TTFT window;</li>
 *   <li>{@link #decode}{@code (t)} with {@code t} the token genai just sampled (what the decode loop
 *       always feeds): {@code GenerateNextToken} (the forward pass on {@code t}, then sampling) +
 *       {@code GetNextTokens}: one TPOT step, the same work as one step of the suite's ONNX Runtime loop;</li>
 *   <li>{@code decode(t)} with any other token: {@code RewindTo(length)} drops genai's own pick, then
 *       {@code AppendTokens([t])} + {@code GenerateNextToken};</li>
 *   <li>{@link #truncate}: {@code OgaGenerator_RewindTo}; without it (older builds) only {@code truncate(0)}
 *       works, by recreating the generator, which a prefill then does too.</li>
 * </ul>
 * {@link #length()} counts tokens whose keys and values are in genai's cache (genai's sequence also holds
 * the sampled, not yet fed, token).
 *
 * <p><b>Logits.</b> {@code OgaGenerator_GetLogits} offers only the last position, and after a
 * {@code GenerateNextToken} only the next position's (computing them would run the model on the sampled
 * token). {@link #logits()} therefore rewinds one position and re-runs the last fed token, returning one
 * row {@code [1, vocab]} even after a prefill. It is for verification, never called in a timed loop.
 */
public final class OgaGenerationSession implements StepwiseSession {
    private static final int NONE = -1;
    private static final int FLOAT32 = 1;
    private static final int FLOAT16 = 10;

    private final OgaBinding binding;
    private final OgaLibrary lib;
    private final Pointer config;
    private final Pointer model;
    private final Pointer params;
    private final SessionInfo info;
    private final int vocab;
    private final int maxLength;
    private final Memory nextTokens = new Memory(8);
    private final Memory nextCount = new Memory(8);
    private final Memory oneToken = new Memory(4);
    private final PointerByReference out = new PointerByReference();

    private Pointer generator;
    private boolean generatorUsed;
    private int length;
    private int pending = NONE;
    private int lastFed = NONE;
    private boolean logitsHeld;
    private long lastRunNanos;
    private boolean closed;

    private OgaGenerationSession(OgaBinding binding, Pointer config, Pointer model, Pointer params, int vocab,
                                 int maxLength, SessionInfo info) {
        this.binding = binding;
        this.lib = binding.library();
        this.config = config;
        this.model = model;
        this.params = params;
        this.vocab = vocab;
        this.maxLength = maxLength;
        this.info = info;
        this.generator = createGenerator();
    }

    /**
     * Opens a folder in the onnxruntime-genai layout with {@code OgaCreateConfig}, the device's provider
     * ({@link OgaProvider}) and {@code OgaCreateModelFromConfig}.
     *
     * @throws OgaException               when the library rejects the folder or a setting
     * @throws DeviceUnavailableException when the library names the device's provider as unavailable
     */
    public static OgaGenerationSession open(OgaBinding binding, String runtimeVersion, Path folder, SessionSettings settings) {
        OgaLibrary lib = binding.library();
        PointerByReference ref = new PointerByReference();
        binding.check(lib.OgaCreateConfig(folder.toAbsolutePath().toString(), ref), "OgaCreateConfig(" + folder + ")");
        Pointer config = ref.getValue();
        Pointer model = null;
        Pointer params = null;
        try {
            OgaProvider provider = OgaProvider.forDevice(settings.device(), settings.providerOptions(), settings.compileCache());
            provider.apply(binding, config);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("library", binding.location());
            details.put("onnxruntime", binding.onnxRuntime());
            details.put("session_options", applySessionOptions(binding, config, settings));
            GenaiConfig genai = ModelFolder.open(folder).config();
            model = createModel(binding, config, provider);
            int capacity = Math.min(genai.maxLength(), genai.contextLength());
            // genai's sequence also holds the token it sampled last, before that token is fed: a cache of N
            // tokens needs max_length N + 1 (a 512-token prefill is AppendTokens(512) + GenerateNextToken).
            int maxLength = settings.maxSequenceLength() > 0
                    ? Math.min(settings.maxSequenceLength() + 1, genai.contextLength()) : capacity;
            binding.check(lib.OgaCreateGeneratorParams(model, ref), "OgaCreateGeneratorParams");
            params = ref.getValue();
            setNumber(binding, params, "max_length", maxLength);
            setNumber(binding, params, "min_length", maxLength);
            setNumber(binding, params, "top_k", 1);
            setNumber(binding, params, "num_beams", 1);
            binding.check(lib.OgaGeneratorParamsSetSearchBool(params, "do_sample", false), "OgaGeneratorParamsSetSearchBool(do_sample)");
            details.put("max_length", Integer.toString(maxLength));
            details.put("search", binding.hasSearchReadBack() ? searchAsHeld(binding, params)
                    : "greedy, min_length = max_length (never stops on EOS)");
            details.put("truncate", binding.hasRewind() ? "OgaGenerator_RewindTo" : "truncate(0) only: no OgaGenerator_RewindTo");
            if (binding.hasDeviceType()) {
                details.put("device_type", deviceType(binding, model));
            }
            SessionInfo info = new SessionInfo(OrtGenaiRuntime.ID, runtimeVersion, provider.describe(), genai.vocabSize(),
                    genai.decoder().numHiddenLayers(), "set by the model", "onnxruntime-genai(" + maxLength + ")", details);
            return new OgaGenerationSession(binding, config, model, params, genai.vocabSize(), maxLength, info);
        } catch (RuntimeException e) {
            if (params != null) {
                lib.OgaDestroyGeneratorParams(params);
            }
            if (model != null) {
                lib.OgaDestroyModel(model);
            }
            lib.OgaDestroyConfig(config);
            throw e;
        }
    }

    private static Pointer createModel(OgaBinding binding, Pointer config, OgaProvider provider) {
        PointerByReference ref = new PointerByReference();
        try {
            binding.check(binding.library().OgaCreateModelFromConfig(config, ref), "OgaCreateModelFromConfig");
            return ref.getValue();
        } catch (OgaException e) {
            if (OrtLibraryForGenai.isMissingOnnxRuntime(e.getMessage())) {
                throw new DeviceUnavailableException("runtime library incomplete: onnxruntime-genai at " + binding.location()
                        + " found no ONNX Runtime (" + binding.onnxRuntime() + "): pip install onnxruntime beside it, or set "
                        + OrtLibraryForGenai.ENV + " (" + e.getMessage() + ")");
            }
            // genai has no provider query: a provider missing from its onnxruntime shows up here, by name.
            String message = e.getMessage().toLowerCase(Locale.ROOT);
            if (!provider.isCpu() && message.contains(provider.name().toLowerCase(Locale.ROOT))) {
                throw new DeviceUnavailableException("execution provider " + provider.describe()
                        + " unavailable in onnxruntime-genai: " + e.getMessage());
            }
            throw e;
        }
    }

    /** Threads and optimisation level go through {@code OgaConfigOverlay}, genai's only way to set them. */
    private static String applySessionOptions(OgaBinding binding, Pointer config, SessionSettings settings) {
        StringBuilder json = new StringBuilder();
        if (settings.intraOpThreads() > 0) {
            json.append("\"intra_op_num_threads\":").append(settings.intraOpThreads());
        }
        if (!settings.optimization().equals("all")) {
            json.append(json.length() > 0 ? "," : "").append("\"graph_optimization_level\":\"")
                    .append(optimizationLevel(settings.optimization())).append('"');
        }
        if (json.length() == 0) {
            return "from the folder's genai_config.json";
        }
        if (!binding.hasOverlay()) {
            return "from the folder's genai_config.json (no OgaConfigOverlay in this build to set " + json + ")";
        }
        String overlay = "{\"model\":{\"decoder\":{\"session_options\":{" + json + "}}}}";
        binding.check(binding.library().OgaConfigOverlay(config, overlay), "OgaConfigOverlay");
        return "{" + json + "}";
    }

    private static String optimizationLevel(String name) {
        switch (name) {
            case "extended": return "ORT_ENABLE_EXTENDED";
            case "basic": return "ORT_ENABLE_BASIC";
            case "none": return "ORT_DISABLE_ALL";
            default: throw new IllegalArgumentException("unknown optimization level '" + name + "': expected all, extended, basic or none");
        }
    }

    private static void setNumber(OgaBinding binding, Pointer params, String name, double value) {
        binding.check(binding.library().OgaGeneratorParamsSetSearchNumber(params, name, value),
                "OgaGeneratorParamsSetSearchNumber(" + name + ")");
    }

    /** The search options as genai holds them, read back: evidence that the run was greedy and fixed-length. */
    private static String searchAsHeld(OgaBinding binding, Pointer params) {
        StringBuilder sb = new StringBuilder();
        for (String name : new String[] {"max_length", "min_length", "top_k", "num_beams"}) {
            DoubleByReference v = new DoubleByReference();
            binding.check(binding.library().OgaGeneratorParamsGetSearchNumber(params, name, v), "OgaGeneratorParamsGetSearchNumber(" + name + ")");
            sb.append(name).append('=').append((long) v.getValue()).append(' ');
        }
        ByteByReference sample = new ByteByReference();
        binding.check(binding.library().OgaGeneratorParamsGetSearchBool(params, "do_sample", sample), "OgaGeneratorParamsGetSearchBool(do_sample)");
        return sb.append("do_sample=").append(sample.getValue() != 0).append(" (read back from the library)").toString();
    }

    private static String deviceType(OgaBinding binding, Pointer model) {
        PointerByReference ref = new PointerByReference();
        binding.check(binding.library().OgaModelGetDeviceType(model, ref), "OgaModelGetDeviceType");
        Pointer s = ref.getValue();
        try {
            return s == null ? "" : s.getString(0, "UTF-8");
        } finally {
            binding.library().OgaDestroyString(s);
        }
    }

    private Pointer createGenerator() {
        binding.check(lib.OgaCreateGenerator(model, params, out), "OgaCreateGenerator");
        generatorUsed = false;
        return out.getValue();
    }

    @Override
    public int prefill(int[] prompt) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt must hold at least one token");
        }
        long t0 = System.nanoTime();
        emptyCache();
        Memory ids = new Memory(4L * prompt.length);
        ids.write(0, prompt, 0, prompt.length);
        generatorUsed = true;
        binding.check(lib.OgaGenerator_AppendTokens(generator, ids, prompt.length), "OgaGenerator_AppendTokens");
        int token = sampleNext();
        lastRunNanos = System.nanoTime() - t0;
        length = prompt.length;
        lastFed = prompt[prompt.length - 1];
        pending = token;
        return token;
    }

    @Override
    public int decode(int token) {
        long t0 = System.nanoTime();
        int next;
        if (token == pending && !logitsHeld) {
            next = sampleNext();
        } else {
            if (pending != NONE) {
                requireRewind("feeding a token other than the one genai sampled");
                rewind(length);
                pending = NONE;
            }
            oneToken.setInt(0, token);
            generatorUsed = true;
            binding.check(lib.OgaGenerator_AppendTokens(generator, oneToken, 1), "OgaGenerator_AppendTokens");
            next = sampleNext();
        }
        lastRunNanos = System.nanoTime() - t0;
        length++;
        lastFed = token;
        pending = next;
        logitsHeld = false;
        return next;
    }

    private int sampleNext() {
        binding.check(lib.OgaGenerator_GenerateNextToken(generator), "OgaGenerator_GenerateNextToken");
        binding.check(lib.OgaGenerator_GetNextTokens(generator, nextTokens, nextCount), "OgaGenerator_GetNextTokens");
        if (nextCount.getLong(0) < 1) {
            throw new OgaException("OgaGenerator_GetNextTokens", "returned no token");
        }
        return nextTokens.getPointer(0).getInt(0);
    }

    private void emptyCache() {
        length = 0;
        pending = NONE;
        logitsHeld = false;
        if (!generatorUsed) {
            return;
        }
        if (binding.hasRewind()) {
            rewind(0);
        } else {
            lib.OgaDestroyGenerator(generator);
            generator = null;
            generator = createGenerator();
        }
    }

    private void rewind(int newLength) {
        binding.check(lib.OgaGenerator_RewindTo(generator, newLength), "OgaGenerator_RewindTo(" + newLength + ")");
    }

    private void requireRewind(String what) {
        if (!binding.hasRewind()) {
            throw new UnsupportedOperationException(what + " needs OgaGenerator_RewindTo, which the onnxruntime-genai at "
                    + binding.location() + " does not export");
        }
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public void truncate(int newLength) {
        KvCapacity.requireTruncatable(length, newLength);
        if (newLength == length && pending == NONE) {
            return;
        }
        if (newLength == 0) {
            emptyCache();
            return;
        }
        requireRewind("truncating to " + newLength + " tokens");
        rewind(newLength);
        length = newLength;
        pending = NONE;
        logitsHeld = false;
    }

    @Override
    public long lastRunNanos() {
        return lastRunNanos;
    }

    /** Logits of the last position fed, one row {@code [1, vocab]} (see the class comment for how). */
    @Override
    public FloatBuffer logits() {
        if (!binding.hasLogits()) {
            throw new UnsupportedOperationException("logits need OgaGenerator_GetLogits and the OgaTensor accessors, which the"
                    + " onnxruntime-genai at " + binding.location() + " does not export");
        }
        if (pending != NONE) {
            requireRewind("reading logits after sampling");
            rewind(length - 1);
            oneToken.setInt(0, lastFed);
            binding.check(lib.OgaGenerator_AppendTokens(generator, oneToken, 1), "OgaGenerator_AppendTokens");
            pending = NONE;
            logitsHeld = true;
        } else if (!logitsHeld) {
            throw new IllegalStateException("no logits: nothing has run since the cache was emptied or truncated");
        }
        binding.check(lib.OgaGenerator_GetLogits(generator, out), "OgaGenerator_GetLogits");
        Pointer tensor = out.getValue();
        try {
            return lastRow(tensor);
        } finally {
            lib.OgaDestroyTensor(tensor);
        }
    }

    private FloatBuffer lastRow(Pointer tensor) {
        IntByReference type = new IntByReference();
        binding.check(lib.OgaTensorGetType(tensor, type), "OgaTensorGetType");
        LongByReference rank = new LongByReference();
        binding.check(lib.OgaTensorGetShapeRank(tensor, rank), "OgaTensorGetShapeRank");
        long[] shape = new long[(int) rank.getValue()];
        binding.check(lib.OgaTensorGetShape(tensor, shape, shape.length), "OgaTensorGetShape");
        long elements = 1;
        for (long d : shape) {
            elements *= d;
        }
        if (shape.length == 0 || shape[shape.length - 1] != vocab) {
            throw new IllegalStateException("onnxruntime-genai logits have shape " + Arrays.toString(shape)
                    + "; expected the vocabulary size " + vocab + " last");
        }
        PointerByReference data = new PointerByReference();
        binding.check(lib.OgaTensorGetData(tensor, data), "OgaTensorGetData");
        long offset = elements - vocab;
        float[] row = new float[vocab];
        if (type.getValue() == FLOAT32) {
            data.getValue().read(offset * 4, row, 0, vocab);
        } else if (type.getValue() == FLOAT16) {
            short[] half = new short[vocab];
            data.getValue().read(offset * 2, half, 0, vocab);
            for (int i = 0; i < vocab; i++) {
                row[i] = Fp16Conversions.fp16ToFloat(half[i]);
            }
        } else {
            throw new IllegalStateException("onnxruntime-genai logits have OgaElementType " + type.getValue()
                    + "; expected float32 (1) or float16 (10)");
        }
        return FloatBuffer.wrap(row);
    }

    /** The sequence capacity genai was given ({@code max_length}). */
    public int maxLength() {
        return maxLength;
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
        if (generator != null) {
            lib.OgaDestroyGenerator(generator);
            generator = null;
        }
        lib.OgaDestroyGeneratorParams(params);
        lib.OgaDestroyModel(model);
        lib.OgaDestroyConfig(config);
    }
}
