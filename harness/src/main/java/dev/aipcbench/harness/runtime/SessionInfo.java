package dev.aipcbench.harness.runtime;

import java.util.Map;

/**
 * Facts about an opened session, for results and for the user.
 *
 * @param runtime          runtime id, e.g. {@code onnxruntime}
 * @param runtimeVersion   the runtime library's version
 * @param provider         execution provider or backend actually used, e.g. {@code CPUExecutionProvider}
 * @param vocabSize        logits width
 * @param layers           decoder layers
 * @param ioType           activation / KV type: float32 or float16
 * @param kvCache          KV-cache strategy, e.g. {@code shared-buffer(4096)} or {@code growing}
 * @param details          anything else worth recording (thread counts, options)
 */
public record SessionInfo(String runtime, String runtimeVersion, String provider, int vocabSize, int layers,
                          String ioType, String kvCache, Map<String, String> details) {
}
