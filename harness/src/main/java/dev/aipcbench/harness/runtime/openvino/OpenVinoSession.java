package dev.aipcbench.harness.runtime.openvino;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.runtime.DecodeLoop;
import dev.aipcbench.harness.runtime.GreedySampler;
import dev.aipcbench.harness.runtime.KvCapacity;
import dev.aipcbench.harness.runtime.SessionInfo;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.harness.runtime.TokenTimeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's own generation loop on OpenVINO Runtime: an optimum-style stateful IR folder compiled for one
 * device, one infer request whose state is the KV cache, prefill and decode steps fed through tensors over
 * the suite's buffers, greedy sampling by the {@link OvGreedyHead} TopK inside the model (or in Java over the
 * logits, {@code sampling=java}).
 *
 * <p>The decode step allocates nothing: the token and its position are written into the buffers under the
 * decode tensors, the attention mask is a view of one buffer of ones (one tensor per length, made once), and
 * the next id is read from the output in place.
 *
 * <p>OpenVINO's C API cannot reset or read the state, so the KV cache is rewound with requests: a fresh
 * request has an empty cache. A spare one is kept ready, so {@link #prefill} only swaps it in; used requests
 * are freed, and the spare replaced, outside the timed steps (after {@link #generate}, in {@link #truncate}).
 * {@code truncate(n > 0)} re-runs the first {@code n} tokens on a fresh request (as a prefill; untimed).
 */
public final class OpenVinoSession implements StepwiseSession {
    private static final ObjectMapper JSON = Json.PLAIN;

    private final OpenVinoCore core;
    private final OvCoreLibrary lib;
    private final OvCompiledModel model;
    private final SessionInfo info;
    private final int vocab;
    private final int maxLength;
    private final boolean sampleInRuntime;
    private final int idsInput;
    private final int maskInput;
    private final int positionsInput;
    private final int beamInput;
    private final int logitsOutput;
    private final int nextTokenOutput;
    private final boolean halfLogits;
    private final GreedySampler sampler;

    private final OvTensor decodeIds;
    private final OvTensor decodePosition;
    private final OvTensor beam;
    private final ByteBuffer ones;
    private final OvTensor[] maskViews;
    private final int[] history;

    private Pointer request;
    private Pointer spare;
    private final List<Pointer> retired = new ArrayList<>();
    private boolean dirty;
    private boolean decodeInputsBound;
    private int length;
    private int lastRows;
    private long lastRunNanos;
    private boolean captureLogits;
    private FloatBuffer captured;

    private OpenVinoSession(OpenVinoCore core, OvCompiledModel model, Path folder, SessionSettings settings, String device,
                            String runtimeVersion, int layers, boolean head, Map<String, String> compileProperties) {
        this.core = core;
        this.lib = core.library();
        this.model = model;
        JsonNode config = config(folder);
        this.vocab = config.path("vocab_size").asInt(0);
        if (vocab <= 0) {
            throw new ModelFormatException(folder.resolve("config.json"), "field vocab_size: expected a positive integer (the logits width)");
        }
        int context = config.path("max_position_embeddings").asInt(4096);
        this.maxLength = settings.maxSequenceLength() > 0 ? Math.min(settings.maxSequenceLength(), context) : context;
        this.idsInput = require(model.input("input_ids"), "input input_ids", folder);
        this.maskInput = model.input("attention_mask");
        this.positionsInput = model.input("position_ids");
        this.beamInput = model.input("beam_idx");
        this.logitsOutput = require(model.output("logits"), "output logits", folder);
        this.nextTokenOutput = head ? model.output(OvGreedyHead.NEXT_TOKEN) : -1;
        this.sampleInRuntime = nextTokenOutput >= 0;
        int logitsType = model.outputType(logitsOutput);
        if (logitsType != OvCoreLibrary.ELEMENT_F32 && logitsType != OvCoreLibrary.ELEMENT_F16) {
            throw new ModelFormatException(folder.resolve("openvino_model.xml"), "output logits has element type " + logitsType
                    + " (ov_element_type_e); expected f32 or f16");
        }
        this.halfLogits = logitsType == OvCoreLibrary.ELEMENT_F16;
        this.sampler = new GreedySampler(vocab);
        this.history = new int[maxLength];

        this.decodeIds = OvTensor.over(core, OvCoreLibrary.ELEMENT_I64, new long[] {1, 1}, OvTensor.allocate(8));
        this.decodePosition = OvTensor.over(core, OvCoreLibrary.ELEMENT_I64, new long[] {1, 1}, OvTensor.allocate(8));
        ByteBuffer zero = OvTensor.allocate(4);
        zero.putInt(0, 0);
        this.beam = OvTensor.over(core, OvCoreLibrary.ELEMENT_I32, new long[] {1}, zero);
        this.ones = OvTensor.allocate(8L * maxLength);
        for (int i = 0; i < maxLength; i++) {
            ones.putLong(8 * i, 1L);
        }
        this.maskViews = new OvTensor[maxLength + 1];
        this.request = fresh();
        this.spare = fresh();

        Map<String, String> details = new LinkedHashMap<>();
        details.put("device", device);
        details.putAll(compileProperties);
        details.putAll(model.properties("EXECUTION_DEVICES", "INFERENCE_PRECISION_HINT", "KV_CACHE_PRECISION"));
        details.put("sampling", sampleInRuntime ? "greedy in runtime (TopK over logits)" : "greedy in java");
        details.put("position_ids", Boolean.toString(positionsInput >= 0));
        this.info = new SessionInfo(OpenVinoRuntime.ID, runtimeVersion, device, vocab, layers, halfLogits ? "float16" : "float32",
                "stateful (" + details.getOrDefault("KV_CACHE_PRECISION", "plugin default") + "); rewound by fresh request", details);
    }

    /**
     * Compiles {@code folder}'s {@code openvino_model.xml} for {@code device} and opens a session on it.
     *
     * @throws ModelFormatException when the folder is not an OpenVINO IR of the layout the suite reads
     */
    static OpenVinoSession open(OpenVinoCore core, Pointer ovCore, Path folder, String device, SessionSettings settings, String version) {
        Path xml = folder.resolve("openvino_model.xml");
        if (!Files.isRegularFile(xml)) {
            throw new ModelFormatException(xml, "not found (an OpenVINO IR folder as optimum-cli exports one holds openvino_model.xml/.bin)");
        }
        Path bin = OvGreedyHead.weightsOf(xml).orElseThrow(() ->
                new ModelFormatException(xml, "has no openvino_model.bin beside it"));
        boolean wantHead = settings.sampling().equals(SessionSettings.SAMPLING_RUNTIME);
        Path amendedXml = null;
        try {
            amendedXml = wantHead ? Files.createTempFile("aipc-bench-openvino-", ".xml") : null;
            OvGreedyHead.Amended amended = OvGreedyHead.amend(xml, wantHead, amendedXml);
            Map<String, String> properties = compileProperties(settings, device);
            OvCompiledModel model = OvCompiledModel.compile(core, ovCore, amended.xml(), bin, device, properties);
            try {
                return new OpenVinoSession(core, model, folder, settings, device, version, amended.stateVariables() / 2,
                        amended.hasHead(), properties);
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (amendedXml != null) {
                try {
                    Files.deleteIfExists(amendedXml);
                } catch (IOException ignored) {
                    // a temporary file; the model has been read
                }
            }
        }
    }

    /**
     * The seed's settings (LATENCY hint, one stream, the compile cache) and the threads, then any provider
     * option but {@code device} as an OpenVINO property of that name (e.g. {@code KV_CACHE_PRECISION=f16}).
     */
    static Map<String, String> compileProperties(SessionSettings settings, String device) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("PERFORMANCE_HINT", "LATENCY");
        boolean cpu = device.startsWith("CPU");
        if (cpu || device.startsWith("GPU")) {
            p.put("NUM_STREAMS", "1");
        }
        if (cpu && settings.intraOpThreads() > 0) {
            p.put("INFERENCE_NUM_THREADS", Integer.toString(settings.intraOpThreads()));
        }
        if (settings.compileCache() != null) {
            p.put("CACHE_DIR", settings.compileCache().toAbsolutePath().toString());
        }
        settings.providerOptions().forEach((k, v) -> {
            if (!k.equals(OpenVinoRuntime.DEVICE_OPTION)) {
                p.put(k, v);
            }
        });
        return p;
    }

    private static JsonNode config(Path folder) {
        Path file = folder.resolve("config.json");
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot be read (an optimum export carries the model's config.json): " + e.getMessage(), e);
        }
    }

    private static int require(int index, String what, Path folder) {
        if (index < 0) {
            throw new ModelFormatException(folder.resolve("openvino_model.xml"), "has no " + what
                    + " (expected optimum's stateful decoder: input_ids, attention_mask, position_ids, beam_idx -> logits)");
        }
        return index;
    }

    /** A new request with the inputs that never change bound. */
    private Pointer fresh() {
        Pointer r = model.newRequest();
        if (beamInput >= 0) {
            core.check(lib.ov_infer_request_set_input_tensor_by_index(r, beamInput, beam.handle()), "set beam_idx");
        }
        return r;
    }

    /** Makes the active request one with an empty cache: the spare when there is one (a swap), else a new one. */
    private void emptyCache() {
        if (!dirty) {
            return;
        }
        retired.add(request);
        request = spare != null ? spare : fresh();
        spare = null;
        dirty = false;
        decodeInputsBound = false;
        length = 0;
    }

    /** Frees used requests and readies a spare; called outside the timed steps. */
    private void restock() {
        for (Pointer r : retired) {
            lib.ov_infer_request_free(r);
        }
        retired.clear();
        if (spare == null) {
            spare = fresh();
        }
    }

    @Override
    public int prefill(int[] prompt) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt must hold at least one token");
        }
        emptyCache();
        return step(prompt, prompt.length);
    }

    @Override
    public int decode(int token) {
        decodeIds.buffer().putLong(0, token);
        return step(null, 1);
    }

    /** Runs {@code count} tokens ({@code ids}, or the decode buffer when null) at the current position. */
    private int step(int[] ids, int count) {
        KvCapacity.requireRoom(length, count, maxLength);
        int total = length + count;
        OvTensor idsTensor = decodeIds;
        OvTensor positions = decodePosition;
        if (ids != null) {
            ByteBuffer idBuffer = OvTensor.allocate(8L * count);
            ByteBuffer positionBuffer = OvTensor.allocate(8L * count);
            for (int i = 0; i < count; i++) {
                idBuffer.putLong(8 * i, ids[i]);
                positionBuffer.putLong(8 * i, length + i);
                history[length + i] = ids[i];
            }
            idsTensor = OvTensor.over(core, OvCoreLibrary.ELEMENT_I64, new long[] {1, count}, idBuffer);
            positions = OvTensor.over(core, OvCoreLibrary.ELEMENT_I64, new long[] {1, count}, positionBuffer);
        } else {
            decodePosition.buffer().putLong(0, length);
            history[length] = (int) decodeIds.buffer().getLong(0);
        }
        try {
            if (ids != null || !decodeInputsBound) {
                bind(idsInput, idsTensor, "input_ids");
                if (positionsInput >= 0) {
                    bind(positionsInput, positions, "position_ids");
                }
            }
            if (maskInput >= 0) {
                bind(maskInput, mask(total), "attention_mask");
            }
            long t0 = System.nanoTime();
            int status = lib.ov_infer_request_infer(request);
            lastRunNanos = System.nanoTime() - t0;
            dirty = true;
            core.check(status, "ov_infer_request_infer");
            length = total;
            lastRows = count;
            decodeInputsBound = ids == null;
            return next(count);
        } finally {
            if (ids != null) {
                // Back to the decode tensors before the prefill's own are freed, so the request never holds them.
                bind(idsInput, decodeIds, "input_ids");
                if (positionsInput >= 0) {
                    bind(positionsInput, decodePosition, "position_ids");
                }
                decodeInputsBound = true;
                idsTensor.close();
                positions.close();
            }
        }
    }

    private void bind(int input, OvTensor tensor, String name) {
        core.check(lib.ov_infer_request_set_input_tensor_by_index(request, input, tensor.handle()), "set " + name);
    }

    private OvTensor mask(int total) {
        OvTensor t = maskViews[total];
        if (t == null) {
            t = OvTensor.over(core, OvCoreLibrary.ELEMENT_I64, new long[] {1, total}, ones);
            maskViews[total] = t;
        }
        return t;
    }

    /** The greedy id after the last of {@code rows} positions; keeps the logits when asked to. */
    private int next(int rows) {
        int token;
        if (sampleInRuntime) {
            token = (int) output(nextTokenOutput, out -> out.getLong(8L * (rows - 1)));
        } else {
            token = (int) output(logitsOutput, out -> (long) sampler.argmax(out, rows - 1, halfLogits));
        }
        captured = null;
        if (captureLogits) {
            output(logitsOutput, out -> {
                captured = FloatBuffer.allocate(rows * vocab);
                for (int r = 0; r < rows * vocab; r++) {
                    captured.put(r, halfLogits ? halfToFloat(out.getShort(2L * r)) : out.getFloat(4L * r));
                }
                return 0L;
            });
        }
        return token;
    }

    private static float halfToFloat(short h) {
        return ai.onnxruntime.platform.Fp16Conversions.fp16ToFloat(h);
    }

    @FunctionalInterface
    private interface Reader {
        long read(Pointer data);
    }

    private long output(int index, Reader reader) {
        PointerByReference tensor = new PointerByReference();
        core.check(lib.ov_infer_request_get_output_tensor_by_index(request, index, tensor), "ov_infer_request_get_output_tensor");
        try {
            PointerByReference data = new PointerByReference();
            core.check(lib.ov_tensor_data(tensor.getValue(), data), "ov_tensor_data");
            return reader.read(data.getValue());
        } finally {
            lib.ov_tensor_free(tensor.getValue());
        }
    }

    @Override
    public void generate(int[] prompt, int newTokens, TokenTimeline timeline) {
        DecodeLoop.run(this, prompt, newTokens, timeline);
        restock();
    }

    @Override
    public int length() {
        return length;
    }

    /**
     * Rewinds the cache: to 0 by swapping in a fresh request; to {@code n > 0} by running the first {@code n}
     * tokens again on one (OpenVINO's C API cannot cut the state). Untimed by contract.
     */
    @Override
    public void truncate(int newLength) {
        KvCapacity.requireTruncatable(length, newLength);
        if (newLength < length) {
            int[] kept = java.util.Arrays.copyOf(history, newLength);
            long keptRunNanos = lastRunNanos;
            boolean capture = captureLogits;
            captureLogits = false;
            emptyCache();
            if (newLength > 0) {
                step(kept, newLength);
            }
            captureLogits = capture;
            lastRunNanos = keptRunNanos;
        }
        restock();
    }

    /** OpenVINO's per-layer profile of the last step; the session must be opened with {@code PERF_COUNT=YES}. */
    OvProfile lastProfile() {
        return OvProfile.of(core, request);
    }

    @Override
    public long lastRunNanos() {
        return lastRunNanos;
    }

    @Override
    public void captureLogits(boolean capture) {
        captureLogits = capture;
    }

    @Override
    public FloatBuffer logits() {
        if (captured == null) {
            throw new IllegalStateException("logits were not captured: call captureLogits(true) before the step");
        }
        return captured;
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
        retired.add(request);
        if (spare != null) {
            retired.add(spare);
        }
        spare = null;
        for (Pointer r : retired) {
            lib.ov_infer_request_free(r);
        }
        retired.clear();
        for (OvTensor t : maskViews) {
            if (t != null) {
                t.close();
            }
        }
        decodeIds.close();
        decodePosition.close();
        beam.close();
        model.close();
    }
}
