package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.aipcbench.harness.runtime.SessionSettings;

/**
 * The session options every ONNX Runtime session of the suite's starts from (the decode loop's, the
 * MatMulNBits chain it is measured against), so a change to them reaches both alike.
 */
final class OrtSessionOptions {
    private OrtSessionOptions() {
    }

    /** Intra-op threads (0 keeps ONNX Runtime's default) and the graph optimization level. */
    static void applyCpu(OrtSession.SessionOptions options, SessionSettings settings) throws OrtException {
        if (settings.intraOpThreads() > 0) {
            options.setIntraOpNumThreads(settings.intraOpThreads());
        }
        options.setOptimizationLevel(optLevel(settings.optimization()));
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
