package dev.aipcbench.harness.runtime.openvinogenai;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.FloatByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

import java.util.LinkedHashMap;
import java.util.Map;
import dev.aipcbench.harness.runtime.openvino.OvStatus;

/**
 * OpenVINO GenAI's own measurements of one generation ({@code ov_genai_perf_metrics_get_*}), kept beside
 * the suite's timeline so the two can be cross-checked. Values this build cannot report are NaN or -1.
 *
 * @param loadMs         model load (and compile) time
 * @param ttftMs         OpenVINO's time to first token (it starts after tokenisation)
 * @param tpotMs         OpenVINO's mean time per output token
 * @param generateMs     the whole generate call
 * @param tokenizationMs tokenising the prompt
 * @param inputTokens    prompt tokens after OpenVINO's tokenizer
 * @param generatedTokens tokens generated
 */
public record OvPerfMetrics(float loadMs, float ttftMs, float tpotMs, float generateMs, float tokenizationMs,
                            long inputTokens, long generatedTokens) {

    /** Reads the metrics of a generation's results ({@code ov_genai_decoded_results_get_perf_metrics}). */
    static OvPerfMetrics read(OvGenaiBinding binding, Pointer results) {
        if (!binding.has("ov_genai_decoded_results_get_perf_metrics")) {
            return new OvPerfMetrics(Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN, -1, -1);
        }
        OvGenaiLibrary lib = binding.library();
        PointerByReference ref = new PointerByReference();
        binding.check(lib.ov_genai_decoded_results_get_perf_metrics(results, ref), "ov_genai_decoded_results_get_perf_metrics");
        Pointer m = ref.getValue();
        try {
            FloatByReference value = new FloatByReference(Float.NaN);
            FloatByReference std = new FloatByReference();
            float load = binding.has("ov_genai_perf_metrics_get_load_time")
                    && lib.ov_genai_perf_metrics_get_load_time(m, value) == OvStatus.OK ? value.getValue() : Float.NaN;
            float ttft = binding.has("ov_genai_perf_metrics_get_ttft")
                    && lib.ov_genai_perf_metrics_get_ttft(m, value, std) == OvStatus.OK ? value.getValue() : Float.NaN;
            float tpot = binding.has("ov_genai_perf_metrics_get_tpot")
                    && lib.ov_genai_perf_metrics_get_tpot(m, value, std) == OvStatus.OK ? value.getValue() : Float.NaN;
            float generate = binding.has("ov_genai_perf_metrics_get_generate_duration")
                    && lib.ov_genai_perf_metrics_get_generate_duration(m, value, std) == OvStatus.OK ? value.getValue() : Float.NaN;
            float tokenization = binding.has("ov_genai_perf_metrics_get_tokenization_duration")
                    && lib.ov_genai_perf_metrics_get_tokenization_duration(m, value, std) == OvStatus.OK ? value.getValue() : Float.NaN;
            LongByReference count = new LongByReference(-1);
            long input = binding.has("ov_genai_perf_metrics_get_num_input_tokens")
                    && lib.ov_genai_perf_metrics_get_num_input_tokens(m, count) == OvStatus.OK ? count.getValue() : -1;
            long generated = binding.has("ov_genai_perf_metrics_get_num_generation_tokens")
                    && lib.ov_genai_perf_metrics_get_num_generation_tokens(m, count) == OvStatus.OK ? count.getValue() : -1;
            return new OvPerfMetrics(load, ttft, tpot, generate, tokenization, input, generated);
        } finally {
            lib.ov_genai_decoded_results_perf_metrics_free(m);
        }
    }

    /** As {@code openvino.*} entries for {@link dev.aipcbench.harness.runtime.SessionInfo#details()}. */
    Map<String, String> details() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("openvino.load_time_ms", Float.toString(loadMs));
        out.put("openvino.ttft_ms", Float.toString(ttftMs));
        out.put("openvino.tpot_ms", Float.toString(tpotMs));
        out.put("openvino.generate_ms", Float.toString(generateMs));
        out.put("openvino.tokenization_ms", Float.toString(tokenizationMs));
        out.put("openvino.input_tokens", Long.toString(inputTokens));
        out.put("openvino.generated_tokens", Long.toString(generatedTokens));
        return out;
    }
}
