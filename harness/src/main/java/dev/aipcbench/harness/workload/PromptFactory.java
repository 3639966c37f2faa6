package dev.aipcbench.harness.workload;

import java.util.SplittableRandom;

/**
 * Synthetic prompts of an exact token count: BOS, then ordinary vocabulary ids drawn from a seeded
 * generator (never byte-fallback or special tokens). Benchmarks draw a different prompt per iteration
 * (a different seed), as OpenVINO's llm_bench permutes prompts, so no runtime can serve a prompt from
 * a prefix cache filled by the previous iteration.
 */
public final class PromptFactory {
    /** Ids below this are {@code <unk>}, {@code <s>}, {@code </s>} and the 256 byte-fallback tokens. */
    static final int FIRST_ORDINARY_ID = 3 + 256;
    /** Phi-3's chat and placeholder tokens start here. */
    static final int PHI3_SPECIALS = 32000;

    private final int bos;
    private final int upper;

    /** @param vocab the model's vocabulary size; @param bos its BOS id, or -1 for none */
    public PromptFactory(int vocab, int bos) {
        this.bos = bos;
        this.upper = Math.min(vocab, PHI3_SPECIALS);
        if (upper <= FIRST_ORDINARY_ID) {
            throw new IllegalArgumentException("vocabulary of " + vocab + " has no ordinary tokens to build prompts from");
        }
    }

    public int[] prompt(int tokens, long seed) {
        if (tokens < 1) {
            throw new IllegalArgumentException("--prompt-tokens must be >= 1, got " + tokens);
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[] ids = new int[tokens];
        int start = 0;
        if (bos >= 0) {
            ids[0] = bos;
            start = 1;
        }
        for (int i = start; i < tokens; i++) {
            ids[i] = FIRST_ORDINARY_ID + r.nextInt(upper - FIRST_ORDINARY_ID);
        }
        return ids;
    }
}
