package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.aipcbench.harness.runtime.SessionSettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The session options every ONNX Runtime session of the suite's starts from (the decode loop's, the
 * MatMulNBits chain it is measured against), so a change to them reaches both alike.
 */
final class OrtSessionOptions {
    private OrtSessionOptions() {
    }

    /**
     * Options whose key starts with this are ONNX Runtime session config entries (its
     * {@code onnxruntime_session_options_config_keys.h}), not execution-provider options: a profile's
     * {@code execution_providers.cpu} can set e.g. {@code session.intra_op.allow_spinning = "0"}. ONNX Runtime
     * ignores keys and values it does not know, so the session's {@code session_config} detail records what was
     * passed.
     */
    static final String SESSION_CONFIG_PREFIX = "session.";

    /**
     * Intra-op threads (0 keeps ONNX Runtime's default), the graph optimization level and the session config
     * entries among {@code settings}' provider options.
     */
    static void apply(OrtSession.SessionOptions options, SessionSettings settings) throws OrtException {
        if (settings.intraOpThreads() > 0) {
            options.setIntraOpNumThreads(settings.intraOpThreads());
        }
        options.setOptimizationLevel(optLevel(settings.optimization()));
        for (Map.Entry<String, String> e : sessionConfig(settings.providerOptions()).entrySet()) {
            options.addConfigEntry(e.getKey(), e.getValue());
        }
    }

    /** The session config entries among {@code providerOptions}, in key order. */
    static Map<String, String> sessionConfig(Map<String, String> providerOptions) {
        Map<String, String> out = new TreeMap<>();
        providerOptions.forEach((k, v) -> {
            if (k.startsWith(SESSION_CONFIG_PREFIX)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** {@code providerOptions} without the session config entries: what the execution provider is given. */
    static Map<String, String> providerOnly(Map<String, String> providerOptions) {
        Map<String, String> out = new LinkedHashMap<>(providerOptions);
        out.keySet().removeIf(k -> k.startsWith(SESSION_CONFIG_PREFIX));
        return out;
    }

    private static OrtSession.SessionOptions.OptLevel optLevel(String name) {
        switch (name) {
            case "all": return OrtSession.SessionOptions.OptLevel.ALL_OPT;
            case "extended": return OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            case "basic": return OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "none": return OrtSession.SessionOptions.OptLevel.NO_OPT;
            default: throw new IllegalArgumentException("unknown optimization level '" + name + "': expected all, extended, basic or none");
        }
    }
}
