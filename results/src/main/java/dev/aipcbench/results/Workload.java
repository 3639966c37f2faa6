package dev.aipcbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a cell measures.
 * <ul>
 * <li>{@code generate}: G tokens after a P-token prompt (TTFT, TPOT, ITL, throughputs, E2E).</li>
 * <li>{@code prefill}: P-token prompt to first token (TTFT as a function of prompt length).</li>
 * <li>{@code decode}: one decode step with D tokens already in the KV cache (TPOT at depth D).</li>
 * <li>{@code load}: model load and compile, cold and warm.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Workload(String kind, Integer promptTokens, Integer genTokens, Integer contextDepth) {
    public static final String GENERATE = "generate";
    public static final String PREFILL = "prefill";
    public static final String DECODE = "decode";
    public static final String LOAD = "load";

    public static Workload generate(int prompt, int gen) {
        return new Workload(GENERATE, prompt, gen, null);
    }

    public static Workload prefill(int prompt) {
        return new Workload(PREFILL, prompt, null, null);
    }

    public static Workload decode(int depth) {
        return new Workload(DECODE, null, null, depth);
    }

    public static Workload load() {
        return new Workload(LOAD, null, null, null);
    }

    /** A stable short key, part of the cell id: {@code generate-p128-g128}, {@code prefill-p512}, {@code decode-d1024}, {@code load}. */
    public String key() {
        switch (kind) {
            case GENERATE: return "generate-p" + promptTokens + "-g" + genTokens;
            case PREFILL: return "prefill-p" + promptTokens;
            case DECODE: return "decode-d" + contextDepth;
            case LOAD: return "load";
            default: throw new IllegalStateException("unknown workload kind " + kind);
        }
    }
}
