package dev.aipcbench.harness.runtime;

import java.util.Arrays;

/**
 * Timestamps of one generation, kept raw: when the prompt's ids were handed to the runtime, when each
 * generated token's id became available, and how much of each step was spent inside the runtime's
 * own call (so the loop's overhead is measured, not guessed). Arrays are allocated once, up front, so
 * recording costs no allocation in the decode loop. A runtime that streams text rather than ids
 * (OpenVINO GenAI) records id -1, and may record fewer entries than tokens when one callback carries
 * several; its session reports both counts.
 */
public final class TokenTimeline {
    private final long[] tokenNs;
    private final long[] runtimeNs;
    private final int[] tokens;
    private long startNs;
    private int promptTokens;
    private int count;

    public TokenTimeline(int capacity) {
        tokenNs = new long[capacity];
        runtimeNs = new long[capacity];
        tokens = new int[capacity];
    }

    public int capacity() {
        return tokens.length;
    }

    /** Starts a generation: {@code startNs} is when the prompt ids are handed over. */
    public void begin(int promptTokens, long startNs) {
        this.promptTokens = promptTokens;
        this.startNs = startNs;
        this.count = 0;
    }

    /** Records a generated token available at {@code atNs}, of whose step {@code inRuntimeNs} was spent in the runtime. */
    public void record(int token, long atNs, long inRuntimeNs) {
        tokens[count] = token;
        tokenNs[count] = atNs;
        runtimeNs[count] = inRuntimeNs;
        count++;
    }

    public int count() {
        return count;
    }

    public int promptTokens() {
        return promptTokens;
    }

    public int token(int i) {
        return tokens[i];
    }

    public int[] tokens() {
        return Arrays.copyOf(tokens, count);
    }

    /** Time to first token: prompt handed over to first id available (prefill + first sampling). */
    public long ttftNanos() {
        return tokenNs[0] - startNs;
    }

    /** Latency of token {@code i}: TTFT for i = 0, else the gap since token i - 1. */
    public long latencyNanos(int i) {
        return i == 0 ? ttftNanos() : tokenNs[i] - tokenNs[i - 1];
    }

    /** Per-token latencies of tokens 1..n-1 (the decode steps), in ms. */
    public double[] interTokenMillis() {
        double[] out = new double[Math.max(0, count - 1)];
        for (int i = 1; i < count; i++) {
            out[i - 1] = (tokenNs[i] - tokenNs[i - 1]) / 1e6;
        }
        return out;
    }

    /** Mean time per output token after the first, in ns (NaN with fewer than 2 tokens). */
    public double tpotNanos() {
        return count < 2 ? Double.NaN : (double) (tokenNs[count - 1] - tokenNs[0]) / (count - 1);
    }

    /** Whole generation: prompt handed over to last token. */
    public long e2eNanos() {
        return count == 0 ? 0 : tokenNs[count - 1] - startNs;
    }

    /** Time of step {@code i} spent inside the runtime's inference call. */
    public long runtimeNanos(int i) {
        return runtimeNs[i];
    }

    /** Sum over decode steps (1..n-1) of the time outside the runtime's call: the loop's own cost. */
    public long decodeOverheadNanos() {
        long total = 0;
        for (int i = 1; i < count; i++) {
            total += (tokenNs[i] - tokenNs[i - 1]) - runtimeNs[i];
        }
        return total;
    }
}
