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
     * Whether the following steps keep their logits for {@link #logits()}. Off by default where keeping
     * them costs the step (ONNX Runtime would copy a vocabulary-wide row per token); runtimes that can
     * read logits afterwards at no cost to the step ignore it.
     */
    default void captureLogits(boolean capture) {
    }

    /**
     * Logits of the last call as fp32, row-major {@code [positions, vocab]}: every prompt position after
     * a prefill where the runtime exposes them (ONNX Runtime), else the last position only; one row
     * after a decode. For tests and verification, not the hot path.
     */
    FloatBuffer logits();

    @Override
    default void generate(int[] prompt, int newTokens, TokenTimeline timeline) {
        DecodeLoop.run(this, prompt, newTokens, timeline);
    }
}
