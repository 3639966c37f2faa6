package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;

/** The process's one ONNX Runtime environment, created with warnings-and-above logging. */
public final class OrtEnvironments {
    private OrtEnvironments() {
    }

    public static OrtEnvironment get() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "aipc-bench");
    }
}
