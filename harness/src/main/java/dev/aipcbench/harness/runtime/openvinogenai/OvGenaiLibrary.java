package dev.aipcbench.harness.runtime.openvinogenai;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.FloatByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.aipcbench.harness.runtime.openvino.OvStatus;

/**
 * The part of OpenVINO GenAI's C API the suite uses ({@code openvino/genai/c/llm_pipeline.h},
 * {@code generation_config.h}, {@code perf_metrics.h}), bound with JNA. Every function returns an
 * {@code ov_status_e} ({@link OvStatus}); {@code size_t} is mapped to {@code long} (64-bit hosts only).
 * {@code ov_genai_llm_pipeline_create} is variadic: its properties are {@code key, value} string pairs.
 */
public interface OvGenaiLibrary extends Library {
    int ov_genai_llm_pipeline_create(String modelsPath, String device, long propertyArgsSize, PointerByReference pipe,
                                     Object... properties);

    void ov_genai_llm_pipeline_free(Pointer pipe);

    int ov_genai_llm_pipeline_generate(Pointer pipe, String inputs, Pointer config, OvStreamer streamer,
                                       PointerByReference results);

    int ov_genai_generation_config_create(PointerByReference config);

    void ov_genai_generation_config_free(Pointer config);

    int ov_genai_generation_config_set_max_new_tokens(Pointer config, long value);

    int ov_genai_generation_config_set_min_new_tokens(Pointer config, long value);

    int ov_genai_generation_config_set_ignore_eos(Pointer config, boolean value);

    int ov_genai_generation_config_set_do_sample(Pointer config, boolean value);

    void ov_genai_decoded_results_free(Pointer results);

    int ov_genai_decoded_results_get_string(Pointer results, Pointer output, LongByReference outputSize);

    int ov_genai_decoded_results_get_perf_metrics(Pointer results, PointerByReference metrics);

    void ov_genai_decoded_results_perf_metrics_free(Pointer metrics);

    int ov_genai_perf_metrics_get_load_time(Pointer metrics, FloatByReference loadTimeMs);

    int ov_genai_perf_metrics_get_num_generation_tokens(Pointer metrics, LongByReference count);

    int ov_genai_perf_metrics_get_num_input_tokens(Pointer metrics, LongByReference count);

    int ov_genai_perf_metrics_get_ttft(Pointer metrics, FloatByReference mean, FloatByReference std);

    int ov_genai_perf_metrics_get_tpot(Pointer metrics, FloatByReference mean, FloatByReference std);

    int ov_genai_perf_metrics_get_generate_duration(Pointer metrics, FloatByReference mean, FloatByReference std);

    int ov_genai_perf_metrics_get_tokenization_duration(Pointer metrics, FloatByReference mean, FloatByReference std);
}
