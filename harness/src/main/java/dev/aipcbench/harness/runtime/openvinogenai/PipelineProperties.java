package dev.aipcbench.harness.runtime.openvinogenai;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.runtime.SessionSettings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The OpenVINO properties an {@code LLMPipeline} is created with, the same for both ways in (C API and
 * Python). The seed's settings are the defaults: {@code PERFORMANCE_HINT=LATENCY} and, but on the NPU
 * (whose LLM pipeline compiles its own static graphs), {@code NUM_STREAMS=1}; {@code CACHE_DIR} is the
 * compile cache, so a warm load skips compilation; {@code INFERENCE_NUM_THREADS} comes from the threads
 * on CPU, and the NPU's {@code MAX_PROMPT_LEN} from the max sequence length (it compiles static shapes,
 * 1024 tokens by default). Provider options override all of these.
 *
 * <p>Provider options are a device's, shared by every runtime of a cell (profiles'
 * {@code execution_providers.<device>}): only keys written as OpenVINO writes its property names
 * ({@code UPPER_CASE}, e.g. {@code INFERENCE_PRECISION_HINT}, {@code KV_CACHE_PRECISION}) are passed; the
 * others (ONNX Runtime's {@code device_type}, {@code cache_dir} ..., and this runtime's own {@code device})
 * are left out and listed in {@link #ignored()}, since OpenVINO refuses a property it does not know.
 *
 * @param values  the properties, in the order they are passed
 * @param ignored the provider options that are not OpenVINO properties, sorted
 */
public record PipelineProperties(Map<String, String> values, Map<String, String> ignored) {
    private static final Pattern OPENVINO_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    public static PipelineProperties of(String device, SessionSettings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> ignored = new TreeMap<>();
        boolean npu = device.startsWith("NPU");
        values.put("PERFORMANCE_HINT", "LATENCY");
        if (!npu) {
            values.put("NUM_STREAMS", "1");
        }
        if (settings.compileCache() != null) {
            values.put("CACHE_DIR", settings.compileCache().toAbsolutePath().toString());
        }
        if (settings.intraOpThreads() > 0 && settings.device() == Device.CPU) {
            values.put("INFERENCE_NUM_THREADS", Integer.toString(settings.intraOpThreads()));
        }
        if (npu && settings.maxSequenceLength() > 0) {
            values.put("MAX_PROMPT_LEN", Integer.toString(settings.maxSequenceLength()));
        }
        settings.providerOptions().forEach((k, v) -> {
            if (OPENVINO_NAME.matcher(k).matches()) {
                values.put(k, v);
            } else {
                ignored.put(k, v);
            }
        });
        return new PipelineProperties(Collections.unmodifiableMap(values), Collections.unmodifiableMap(ignored));
    }

    /** For session details: the properties, and the ignored options when there are any. */
    public void describeInto(Map<String, String> details) {
        details.put("properties", values.toString());
        if (!ignored.isEmpty()) {
            details.put("ignored_options", ignored + " (not OpenVINO property names)");
        }
    }
}
