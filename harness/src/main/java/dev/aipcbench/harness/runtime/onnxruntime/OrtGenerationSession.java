package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;
import dev.aipcbench.harness.model.onnx.GenaiConfig;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.runtime.GreedySampler;
import dev.aipcbench.harness.runtime.KvCapacity;
import dev.aipcbench.harness.runtime.SessionInfo;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.StepwiseSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A decoder model in the onnxruntime-genai format, run by ONNX Runtime Java with the suite's own loop.
 * Every name and the fp16/fp32 I/O type come from genai_config.json and the model, so the suite's
 * synthetic folders and Hugging Face's (e.g. Phi-3-mini-4k-instruct-onnx) run alike.
 *
 * <p>The decode step is built to cost nothing on the Java side: the input_ids tensor, the attention
 * mask (views of one buffer of ones, one per length, made once), the KV cache (a shared buffer when
 * the model allows it) and the logits (a pinned output) are all reused, and the sampler scans a reused
 * array. What is left per token is ONNX Runtime Java's own bookkeeping inside {@code run}.
 */
public final class OrtGenerationSession implements StepwiseSession {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private final GenaiConfig.Decoder decoder;
    private final SessionInfo info;
    private final int vocab;
    private final int maxLength;
    private final boolean halfLogits;
    private final boolean hasMask;
    private final boolean hasPositions;
    private final KvCache kv;
    private final GreedySampler sampler;
    private final boolean sampleInRuntime;
    private final LongBuffer nextToken;
    private final OnnxTensor nextTokenTensor;
    private boolean captureLogits;

    private final LongBuffer decodeIds;
    private final OnnxTensor decodeIdsTensor;
    private final LongBuffer decodePosition;
    private final OnnxTensor decodePositionTensor;
    private final LongBuffer ones;
    private final OnnxTensor[] maskViews;
    private ByteBuffer logitsBytes;
    private FloatBuffer logitsFloats;
    private ShortBuffer logitsHalves;
    private OnnxTensor decodeLogits;

    private final Map<String, OnnxTensor> inputs = new HashMap<>();
    private final Map<String, OnnxValue> pinned = new HashMap<>();
    private final Set<String> requested;

    private int length;
    private int lastRows;
    private long lastRunNanos;

    private OrtGenerationSession(ModelFolder model, SessionSettings settings, OrtSession.SessionOptions options,
                                 OrtSession session, String provider) throws OrtException {
        this.env = OrtEnvironments.get();
        GenaiConfig config = model.config();
        this.decoder = config.decoder();
        this.options = options;
        this.session = session;
        this.sampleInRuntime = settings.sampling().equals(SessionSettings.SAMPLING_RUNTIME);

        Map<String, NodeInfo> in = session.getInputInfo();
        Map<String, NodeInfo> out = session.getOutputInfo();
        requireName(in, decoder.inputIds(), "model.decoder.inputs.input_ids", model);
        requireName(in, decoder.pastKey(0), "model.decoder.inputs.past_key_names", model);
        requireName(in, decoder.pastValue(0), "model.decoder.inputs.past_value_names", model);
        requireName(out, decoder.logits(), "model.decoder.outputs.logits", model);
        requireName(out, decoder.presentKey(0), "model.decoder.outputs.present_key_names", model);
        requireName(out, decoder.presentValue(0), "model.decoder.outputs.present_value_names", model);
        this.hasMask = decoder.attentionMask() != null && in.containsKey(decoder.attentionMask());
        this.hasPositions = decoder.positionIds() != null && in.containsKey(decoder.positionIds());

        TensorInfo pastInfo = (TensorInfo) in.get(decoder.pastKey(0)).getInfo();
        OnnxJavaType kvType = pastInfo.type;
        if (kvType != OnnxJavaType.FLOAT && kvType != OnnxJavaType.FLOAT16) {
            throw new ModelFormatException(model.modelFile(), "input " + decoder.pastKey(0) + " is " + kvType + "; expected float32 or float16");
        }
        TensorInfo logitsInfo = (TensorInfo) out.get(decoder.logits()).getInfo();
        this.halfLogits = logitsInfo.type == OnnxJavaType.FLOAT16;
        this.vocab = config.vocabSize();
        int layers = decoder.numHiddenLayers();
        KvLayout layout = new KvLayout(decoder, kvType);

        int capacity = Math.min(config.maxLength(), config.contextLength());
        this.maxLength = settings.maxSequenceLength() > 0 ? Math.min(settings.maxSequenceLength(), capacity) : capacity;
        boolean shared = config.pastPresentShareBuffer() && model.usesGroupQueryAttention();
        this.kv = shared ? new SharedKvCache(env, layout, maxLength, inputs, pinned) : new GrowingKvCache(env, layout, inputs);
        this.requested = kv.requestedOutputs();
        this.sampler = new GreedySampler(vocab);

        this.decodeIds = directLongs(1);
        this.decodeIdsTensor = OnnxTensor.createTensor(env, decodeIds, new long[] {1, 1});
        this.decodePosition = directLongs(1);
        this.decodePositionTensor = OnnxTensor.createTensor(env, decodePosition, new long[] {1, 1});
        this.ones = directLongs(maxLength);
        for (int i = 0; i < maxLength; i++) {
            ones.put(i, 1L);
        }
        this.maskViews = new OnnxTensor[maxLength + 1];
        this.nextToken = directLongs(1);
        this.nextTokenTensor = OnnxTensor.createTensor(env, nextToken, new long[] {1, 1});
        this.captureLogits = !sampleInRuntime;
        ensureLogitsRows(1);
        if (sampleInRuntime) {
            pinned.put(GreedyHead.NEXT_TOKEN, nextTokenTensor);
        }

        Map<String, String> details = new LinkedHashMap<>();
        details.put("intra_op_threads", settings.intraOpThreads() == 0 ? "default" : Integer.toString(settings.intraOpThreads()));
        details.put("optimization", settings.optimization());
        details.put("position_ids", Boolean.toString(hasPositions));
        details.put("sampling", sampleInRuntime ? "greedy in runtime (TopK k=1)" : "greedy in java");
        this.info = new SessionInfo("onnxruntime", env.getVersion(), provider, vocab, layers,
                kvType == OnnxJavaType.FLOAT16 ? "float16" : "float32", kv.describe(), details);
    }

    /** Opens {@code model} with ONNX Runtime; failures name the file or the device that was missing. */
    public static OrtGenerationSession open(ModelFolder model, SessionSettings settings) {
        return open(model, settings, null);
    }

    /**
     * As {@link #open(ModelFolder, SessionSettings)}, with ONNX Runtime's profiler on when {@code profilePrefix} is
     * set (never for timed shots: profiling slows every run); {@link #endProfiling()} gives the trace.
     */
    static OrtGenerationSession open(ModelFolder model, SessionSettings settings, Path profilePrefix) {
        OrtEnvironment env = OrtEnvironments.get();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = null;
        try {
            if (profilePrefix != null) {
                options.enableProfiling(profilePrefix.toString());
            }
            if (settings.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(settings.intraOpThreads());
            }
            options.setOptimizationLevel(optLevel(settings.optimization()));
            String provider = OrtExecutionProviders.configure(env, options, settings.device(), settings.providerOptions(),
                    settings.compileCache(), settings.intraOpThreads());
            session = createSession(model, options, settings.sampling().equals(SessionSettings.SAMPLING_RUNTIME));
            return new OrtGenerationSession(model, settings, options, session, provider);
        } catch (OrtException | RuntimeException e) {
            // Nothing half-built outlives a failed open: the native session and options go with it.
            closeQuietly(session);
            options.close();
            if (e instanceof OrtException) {
                throw new IllegalStateException("ONNX Runtime failed: " + firstLine(e.getMessage()), e);
            }
            throw (RuntimeException) e;
        }
    }

    /** Ends profiling and returns the trace file (only on a session opened with a profile prefix). */
    Path endProfiling() {
        try {
            return Path.of(session.endProfiling());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not end profiling: " + firstLine(e.getMessage()), e);
        }
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // the open already failed; its error is the one to report
            }
        }
    }

    private static OrtSession createSession(ModelFolder model, OrtSession.SessionOptions options, boolean greedyHead)
            throws OrtException {
        try {
            if (greedyHead) {
                byte[] amended = GreedyHead.amendedModel(model, model.config().decoder().logits());
                Path folder = model.modelFile().toAbsolutePath().getParent();
                options.addConfigEntry(GreedyHead.EXTERNAL_FOLDER_KEY, folder.toString());
                return OrtEnvironments.get().createSession(amended, options);
            }
            return OrtEnvironments.get().createSession(model.modelFile().toString(), options);
        } catch (OrtException e) {
            throw new ModelFormatException(model.modelFile(), "ONNX Runtime cannot load it: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void requireName(Map<String, NodeInfo> names, String name, String field, ModelFolder model) {
        if (!names.containsKey(name)) {
            throw new ModelFormatException(model.path().resolve(GenaiConfig.FILE_NAME), "field " + field + " names '"
                    + name + "' but " + model.modelFile().getFileName() + " has no such tensor (it has " + names.keySet() + ")");
        }
    }

    static OrtSession.SessionOptions.OptLevel optLevel(String name) {
        switch (name) {
            case "all": return OrtSession.SessionOptions.OptLevel.ALL_OPT;
            case "extended": return OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            case "basic": return OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "none": return OrtSession.SessionOptions.OptLevel.NO_OPT;
            default: throw new IllegalArgumentException("unknown optimization level '" + name + "': expected all, extended, basic or none");
        }
    }

    private static LongBuffer directLongs(int n) {
        return ByteBuffer.allocateDirect(Math.max(n, 1) * 8).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    /** Makes the pinned logits buffer hold at least {@code rows} positions; grows only, so prefill reuses it. */
    private void ensureLogitsRows(int rows) throws OrtException {
        long need = (long) rows * vocab * (halfLogits ? 2 : 4);
        if (logitsBytes != null && logitsBytes.capacity() >= need) {
            return;
        }
        if (need > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("logits of " + rows + " positions would exceed 2 GiB");
        }
        if (decodeLogits != null) {
            decodeLogits.close();
        }
        logitsBytes = ByteBuffer.allocateDirect((int) need).order(ByteOrder.nativeOrder());
        logitsFloats = logitsBytes.asFloatBuffer();
        logitsHalves = logitsBytes.asShortBuffer();
        decodeLogits = logitsTensor(1);
    }

    private OnnxTensor logitsTensor(int rows) throws OrtException {
        long[] shape = {1, rows, vocab};
        if (halfLogits) {
            return OnnxTensor.createTensor(env, logitsHalves.duplicate().limit(rows * vocab).slice(), shape, OnnxJavaType.FLOAT16);
        }
        return OnnxTensor.createTensor(env, logitsFloats.duplicate().limit(rows * vocab).slice(), shape);
    }

    private OnnxTensor mask(int total) throws OrtException {
        OnnxTensor t = maskViews[total];
        if (t == null) {
            t = OnnxTensor.createTensor(env, ones.duplicate().limit(total).slice(), new long[] {1, total});
            maskViews[total] = t;
        }
        return t;
    }

    @Override
    public int prefill(int[] prompt) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt must hold at least one token");
        }
        truncate(0);
        return step(prompt, prompt.length);
    }

    @Override
    public int decode(int token) {
        decodeIds.put(0, token);
        return step(null, 1);
    }

    /** Runs {@code count} tokens ({@code ids}, or the decode buffer when null) at the current position. */
    private int step(int[] ids, int count) {
        KvCapacity.requireRoom(length, count, maxLength);
        int total = length + count;
        OnnxTensor idsTensor = decodeIdsTensor;
        OnnxTensor positions = decodePositionTensor;
        OnnxTensor logits = decodeLogits;
        try {
            if (ids != null) {
                idsTensor = OnnxTensor.createTensor(env, tokenIds(ids), new long[] {1, count});
                if (hasPositions) {
                    positions = OnnxTensor.createTensor(env, positionRange(length, count), new long[] {1, count});
                }
                ensureLogitsRows(count);
                logits = logitsTensor(count);
            } else if (hasPositions) {
                decodePosition.put(0, length);
            }
            inputs.put(decoder.inputIds(), idsTensor);
            if (hasMask) {
                inputs.put(decoder.attentionMask(), mask(total));
            }
            if (hasPositions) {
                inputs.put(decoder.positionIds(), positions);
            }
            if (captureLogits) {
                pinned.put(decoder.logits(), logits);
            } else {
                pinned.remove(decoder.logits());
            }
            long t0 = System.nanoTime();
            OrtSession.Result result = session.run(inputs, requested, pinned);
            lastRunNanos = System.nanoTime() - t0;
            kv.afterRun(result);
            if (requested.isEmpty()) {
                result.close();
            }
            length = total;
            lastRows = count;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime inference failed: " + firstLine(e.getMessage()), e);
        } finally {
            if (idsTensor != decodeIdsTensor) {
                idsTensor.close();
            }
            if (positions != decodePositionTensor) {
                positions.close();
            }
            if (logits != decodeLogits) {
                logits.close();
            }
        }
        if (sampleInRuntime) {
            return (int) nextToken.get(0);
        }
        int rowOffset = (count - 1) * vocab;
        return halfLogits ? sampler.argmax(logitsHalves, rowOffset) : sampler.argmax(logitsFloats, rowOffset);
    }

    private static LongBuffer tokenIds(int[] ids) {
        LongBuffer b = directLongs(ids.length);
        for (int i = 0; i < ids.length; i++) {
            b.put(i, ids[i]);
        }
        return b;
    }

    private static LongBuffer positionRange(int start, int count) {
        LongBuffer b = directLongs(count);
        for (int i = 0; i < count; i++) {
            b.put(i, start + i);
        }
        return b;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public void truncate(int newLength) {
        KvCapacity.requireTruncatable(length, newLength);
        kv.truncate(newLength);
        length = newLength;
    }

    @Override
    public long lastRunNanos() {
        return lastRunNanos;
    }

    @Override
    public void captureLogits(boolean capture) {
        // Java sampling reads every step's logits anyway: asking to stop keeping them changes nothing (the
        // agreement probe asks after its run, which failed every java-sampling cell while this refused it).
        captureLogits = capture || !sampleInRuntime;
    }

    @Override
    public FloatBuffer logits() {
        if (!captureLogits) {
            throw new IllegalStateException("logits were not captured: call captureLogits(true) before the step");
        }
        int n = lastRows * vocab;
        FloatBuffer out = FloatBuffer.allocate(n);
        if (halfLogits) {
            for (int i = 0; i < n; i++) {
                out.put(i, Fp16Conversions.fp16ToFloat(logitsHalves.get(i)));
            }
        } else {
            logitsFloats.get(0, out.array(), 0, n);
        }
        return out;
    }

    /** KV capacity in tokens. */
    public int maxLength() {
        return maxLength;
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public void close() {
        kv.close();
        for (OnnxTensor t : maskViews) {
            if (t != null) {
                t.close();
            }
        }
        decodeIdsTensor.close();
        decodePositionTensor.close();
        decodeLogits.close();
        nextTokenTensor.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed: " + e.getMessage(), e);
        } finally {
            options.close();
        }
    }
}
