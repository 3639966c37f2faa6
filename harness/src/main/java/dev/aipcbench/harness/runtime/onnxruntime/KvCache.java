package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OrtSession;

import java.util.Set;

/**
 * How the past/present key-value tensors are held between steps. A cache is given the session's input
 * map and pinned-output map when it is made, and keeps its entries in them current.
 */
interface KvCache extends AutoCloseable {
    /** Names of present outputs ONNX Runtime must allocate (empty for a shared buffer). */
    Set<String> requestedOutputs();

    /** Takes what a step produced; the cache may keep {@code result} open until the next step. */
    void afterRun(OrtSession.Result result);

    /** Keeps the first {@code length} positions. */
    void truncate(int length);

    /** The strategy, for results, e.g. {@code shared-buffer(1152)}. */
    String describe();

    @Override
    void close();
}
