package dev.aipcbench.harness.runtime.openvinogenai;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionInfo;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.tokenizer.HfTokenizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenVINO IR folder (as {@code optimum-cli export openvino} writes it) run by OpenVINO GenAI's
 * {@code LLMPipeline} through its C API (the archives' {@code openvino_genai_c}; the wheel has none, so
 * the suite's tests run it against a fake): {@code ov_genai_llm_pipeline_create} once, then one
 * {@code ov_genai_llm_pipeline_generate} per generation, greedy, with {@code max_new_tokens =
 * min_new_tokens} and {@code ignore_eos} so it never stops early.
 *
 * <p><b>Text in, text out.</b> The pipeline takes a text prompt and tokenises it with the folder's own
 * OpenVINO tokenizer; its streamer hands back decoded text, never token ids. So:
 * <ul>
 *   <li>{@link #generate(int[], int, TokenTimeline)} decodes the ids with the folder's
 *       {@code tokenizer.json} ({@link HfTokenizer}, which skips special tokens) before timing starts,
 *       and the pipeline re-encodes the text: the prompt length recorded is OpenVINO's count
 *       ({@code num_input_tokens}), which can differ from the ids given;</li>
 *   <li>{@link #generate(String, int, TokenTimeline)} takes the text as is;</li>
 *   <li>the timeline records one entry per streamer call, timestamped when the call arrives, with the
 *       id {@link #TOKEN_UNKNOWN}; TTFT runs from the generate call plus OpenVINO's reported
 *       tokenisation time ({@code openvino.tokenization_ms}: the suite times tokenisation apart) to the
 *       first streamer call.
 *       OpenVINO's text streamer calls once per token except where a token's text is incomplete
 *       (part of a multi-byte character) or held back; then one call carries several tokens and the
 *       timeline holds fewer entries than tokens generated. {@link #info()} reports both counts and
 *       OpenVINO's own TTFT/TPOT ({@link OvPerfMetrics}) for cross-checking.</li>
 * </ul>
 * The C API has no setter for {@code apply_chat_template}: OpenVINO GenAI builds that apply the
 * tokenizer's chat template to a string prompt by default do so here too, and the prompt length
 * recorded, OpenVINO's own, includes the template.
 */
public final class OvGenaiCApiSession implements GenerationSession {
    /** The id recorded for streamed tokens: the C API streams text, not ids. */
    public static final int TOKEN_UNKNOWN = -1;

    private final OvGenaiBinding binding;
    private final OvGenaiLibrary lib;
    private final Path folder;
    private final Pointer pipeline;
    private final Pointer config;
    private final SessionInfo baseInfo;
    private final boolean neverStopsEarly;
    private final OvStreamer streamer;
    private final StringBuilder text = new StringBuilder();

    private long[] chunkNanos = new long[0];
    private int chunks;
    private HfTokenizer tokenizer;
    private OvPerfMetrics lastMetrics;
    private boolean closed;

    private OvGenaiCApiSession(OvGenaiBinding binding, Path folder, Pointer pipeline, Pointer config,
                                 boolean neverStopsEarly, SessionInfo baseInfo) {
        this.binding = binding;
        this.lib = binding.library();
        this.folder = folder;
        this.pipeline = pipeline;
        this.config = config;
        this.neverStopsEarly = neverStopsEarly;
        this.baseInfo = baseInfo;
        this.streamer = new OvStreamer(this::onText);
    }

    /**
     * Creates the pipeline on {@code device} (an OpenVINO device name, e.g. {@code NPU} or {@code GPU.1})
     * with {@code properties}.
     */
    public static OvGenaiCApiSession open(OvGenaiBinding binding, String runtimeVersion, Path folder, String device,
                                          PipelineProperties pipelineProperties) {
        OvGenaiLibrary lib = binding.library();
        Map<String, String> properties = pipelineProperties.values();
        List<Object> args = new ArrayList<>();
        properties.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        PointerByReference ref = new PointerByReference();
        long t0 = System.nanoTime();
        binding.check(lib.ov_genai_llm_pipeline_create(folder.toAbsolutePath().toString(), device, args.size(), ref, args.toArray()),
                "ov_genai_llm_pipeline_create(" + folder + ", " + device + ")");
        long loadNanos = System.nanoTime() - t0;
        Pointer pipeline = ref.getValue();
        try {
            binding.check(lib.ov_genai_generation_config_create(ref), "ov_genai_generation_config_create");
            Pointer config = ref.getValue();
            boolean minTokens = binding.has("ov_genai_generation_config_set_min_new_tokens");
            boolean ignoreEos = binding.has("ov_genai_generation_config_set_ignore_eos");
            try {
                if (ignoreEos) {
                    binding.check(lib.ov_genai_generation_config_set_ignore_eos(config, true), "ov_genai_generation_config_set_ignore_eos");
                }
                if (binding.has("ov_genai_generation_config_set_do_sample")) {
                    binding.check(lib.ov_genai_generation_config_set_do_sample(config, false), "ov_genai_generation_config_set_do_sample");
                }
            } catch (RuntimeException e) {
                lib.ov_genai_generation_config_free(config);
                throw e;
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("api", "c");
            details.put("library", binding.location());
            details.put("device", device);
            pipelineProperties.describeInto(details);
            details.put("load_ms", Double.toString(loadNanos / 1e6));
            details.put("search", "greedy" + (minTokens ? ", min_new_tokens = max_new_tokens" : "")
                    + (ignoreEos ? ", ignore_eos" : "") + (minTokens || ignoreEos ? "" : " (this build may stop early at EOS)"));
            details.put("timeline", "one entry per streamer call (text chunks), token ids unknown");
            SessionInfo info = new SessionInfo(OpenVinoGenaiRuntime.ID, runtimeVersion, "OpenVINO " + device + " (openvino_genai_c)", -1, -1,
                    "set by the IR", "openvino-genai", details);
            return new OvGenaiCApiSession(binding, folder, pipeline, config, minTokens || ignoreEos, info);
        } catch (RuntimeException e) {
            lib.ov_genai_llm_pipeline_free(pipeline);
            throw e;
        }
    }

    /** Streamer callback: the timestamp first, so text handling is not part of the token's latency. */
    private int onText(Pointer chunk, Pointer args) {
        long now = System.nanoTime();
        if (chunks < chunkNanos.length) {
            chunkNanos[chunks] = now;
        }
        chunks++;
        if (chunk != null) {
            text.append(chunk.getString(0, "UTF-8"));
        }
        return OvStreamer.RUNNING;
    }

    /** Decodes {@code prompt} with the folder's tokenizer.json, then generates from the text. */
    @Override
    public void generate(int[] prompt, int newTokens, TokenTimeline timeline) {
        generate(tokenizer().decode(prompt), prompt.length, newTokens, timeline);
    }

    /** Generates {@code newTokens} tokens after a text prompt, recording each streamer call in {@code timeline}. */
    public void generate(String prompt, int newTokens, TokenTimeline timeline) {
        generate(prompt, 0, newTokens, timeline);
    }

    private void generate(String prompt, int promptIdsHint, int newTokens, TokenTimeline timeline) {
        if (newTokens < 1 || newTokens > timeline.capacity()) {
            throw new IllegalArgumentException("new tokens must be 1.." + timeline.capacity() + ", got " + newTokens);
        }
        binding.check(lib.ov_genai_generation_config_set_max_new_tokens(config, newTokens), "ov_genai_generation_config_set_max_new_tokens");
        if (binding.has("ov_genai_generation_config_set_min_new_tokens")) {
            binding.check(lib.ov_genai_generation_config_set_min_new_tokens(config, newTokens), "ov_genai_generation_config_set_min_new_tokens");
        }
        if (chunkNanos.length < newTokens) {
            chunkNanos = new long[newTokens];
        }
        chunks = 0;
        text.setLength(0);
        PointerByReference results = new PointerByReference();
        long start = System.nanoTime();
        binding.check(lib.ov_genai_llm_pipeline_generate(pipeline, prompt, config, streamer, results), "ov_genai_llm_pipeline_generate");
        try {
            lastMetrics = OvPerfMetrics.read(binding, results.getValue());
        } finally {
            lib.ov_genai_decoded_results_free(results.getValue());
        }
        int promptTokens = lastMetrics.inputTokens() >= 0 ? (int) lastMetrics.inputTokens() : promptIdsHint;
        int recorded = Math.min(chunks, newTokens);
        long handedOver = start + tokenizationNanos(lastMetrics);
        if (recorded > 0) {
            handedOver = Math.min(handedOver, chunkNanos[0]);
        }
        timeline.begin(promptTokens, handedOver);
        long previous = handedOver;
        for (int i = 0; i < recorded; i++) {
            timeline.record(TOKEN_UNKNOWN, chunkNanos[i], chunkNanos[i] - previous);
            previous = chunkNanos[i];
        }
    }

    /** OpenVINO's tokenisation time, which the suite's TTFT leaves out (tokenisation is timed apart). */
    private static long tokenizationNanos(OvPerfMetrics metrics) {
        float ms = metrics.tokenizationMs();
        return Float.isFinite(ms) && ms > 0 ? Math.round(ms * 1e6) : 0;
    }

    private HfTokenizer tokenizer() {
        if (tokenizer == null) {
            tokenizer = HfTokenizer.load(folder);
        }
        return tokenizer;
    }

    /** The text the last generation streamed. */
    public String lastText() {
        return text.toString();
    }

    /** OpenVINO's own measurements of the last generation, or null before the first. */
    public OvPerfMetrics lastMetrics() {
        return lastMetrics;
    }

    /** Whether this build can hold generation to a fixed length (min_new_tokens or ignore_eos). */
    public boolean neverStopsEarly() {
        return neverStopsEarly;
    }

    /** The session's facts, with the last generation's OpenVINO metrics and streamer call count added. */
    @Override
    public SessionInfo info() {
        if (lastMetrics == null) {
            return baseInfo;
        }
        Map<String, String> details = new LinkedHashMap<>(baseInfo.details());
        details.putAll(lastMetrics.details());
        details.put("openvino.streamer_calls", Integer.toString(chunks));
        return new SessionInfo(baseInfo.runtime(), baseInfo.runtimeVersion(), baseInfo.provider(), baseInfo.vocabSize(),
                baseInfo.layers(), baseInfo.ioType(), baseInfo.kvCache(), details);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lib.ov_genai_generation_config_free(config);
        lib.ov_genai_llm_pipeline_free(pipeline);
        if (tokenizer != null) {
            tokenizer.close();
        }
    }
}
