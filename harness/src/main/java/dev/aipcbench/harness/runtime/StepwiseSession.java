package dev.aipcbench.harness.runtime;

import java.nio.FloatBuffer;

/**
 * A session the suite drives one step at a time with its own generation loop (ONNX Runtime, the
 * onnxruntime-genai native API): prefill, decode steps, and rewinding the KV cache, which is what lets
 * TPOT be measured at a given context depth without refilling the cache before every shot.
 */
public interface StepwiseSession extends GenerationSession {
    /** Empties the KV cache, runs the prompt, and returns the greedy first token. */
    int prefill(int[] prompt);

    /** Feeds one token at the current position and returns the greedy next token. */
    int decode(int token);

    /** Tokens currently held in the KV cache. */
    int length();

    /** Drops the KV cache beyond its first {@code length} tokens. */
    void truncate(int length);

    /** Nanoseconds the last prefill/decode spent inside the runtime's inference call. */
    long lastRunNanos();

    /**
     * Whether the following steps keep their logits for {@link #logits()}. Off by default: a step then
     * hands back only the next token's id, and copying logits out would cost the measurement.
     */
    void captureLogits(boolean capture);

    /**
     * Logits of the last call as fp32, row-major {@code [positions, vocab]} (all prompt positions after a
     * prefill, one row after a decode), when {@link #captureLogits} was on. For tests and verification.
     */
    FloatBuffer logits();

    @Override
    default void generate(int[] prompt, int newTokens, TokenTimeline timeline) {
        DecodeLoop.run(this, prompt, newTokens, timeline);
    }
}
