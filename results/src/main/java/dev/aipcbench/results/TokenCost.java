package dev.aipcbench.results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one token costs the hardware, as the fork records it from the model it opened (its dimensions and the
 * precision its weights are stored in) into the cell's session facts, and as the roofline reads it back:
 * <ul>
 *   <li>a decode step at depth D reads {@code weightBytes} (every linear layer's weights as stored, the LM head,
 *       the norms and one embedding row, never the whole table) plus {@code D * kvBytesPerPosition} of KV cache;</li>
 *   <li>it does {@code linearFlops} (2 per weight of every matmul) plus {@code D * attentionFlopsPerPosition}
 *       (scores and the weighted sum: 4 per query width per layer and cached position);</li>
 *   <li>a P-token prefill does {@code P * linearFlops} plus attention over the causal triangle, and reads the
 *       weights once.</li>
 * </ul>
 * GB and GFLOP are 1e9, as in {@link MetricCatalog}.
 */
public record TokenCost(long weightBytes, long kvBytesPerPosition, long linearFlops, long attentionFlopsPerPosition) {
    public static final String WEIGHT_BYTES = "weight_bytes_per_token";
    public static final String KV_BYTES = "kv_bytes_per_position";
    public static final String LINEAR_FLOPS = "flops_per_token";
    public static final String ATTENTION_FLOPS = "attention_flops_per_position";
    /** Why a cell has no token cost (a model folder without the dimensions the suite reads). */
    public static final String UNKNOWN = "token_cost";

    /** Bytes one decode step reads with {@code depth} tokens already in the KV cache. */
    public double decodeBytes(double depth) {
        return weightBytes + depth * kvBytesPerPosition;
    }

    /** FLOPs of one decode step at {@code depth}. */
    public double decodeFlops(double depth) {
        return linearFlops + depth * attentionFlopsPerPosition;
    }

    /** FLOPs of a {@code prompt}-token prefill: every token through every matmul, each attending to those before it. */
    public double prefillFlops(int prompt) {
        return (double) prompt * linearFlops + attentionFlopsPerPosition * (double) prompt * (prompt + 1) / 2.0;
    }

    /** Bytes a prefill moves at least: the weights once, and the KV cache it writes. */
    public double prefillBytes(int prompt) {
        return weightBytes + (double) prompt * kvBytesPerPosition;
    }

    /** The facts as the cell's session records them. */
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(WEIGHT_BYTES, Long.toString(weightBytes));
        f.put(KV_BYTES, Long.toString(kvBytesPerPosition));
        f.put(LINEAR_FLOPS, Long.toString(linearFlops));
        f.put(ATTENTION_FLOPS, Long.toString(attentionFlopsPerPosition));
        return f;
    }

    /** The token cost a cell's session recorded, if it did. */
    public static Optional<TokenCost> of(CellResult cell) {
        Map<String, String> s = cell.session();
        if (s == null || !s.containsKey(WEIGHT_BYTES)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TokenCost(Long.parseLong(s.get(WEIGHT_BYTES)), Long.parseLong(s.getOrDefault(KV_BYTES, "0")),
                    Long.parseLong(s.getOrDefault(LINEAR_FLOPS, "0")), Long.parseLong(s.getOrDefault(ATTENTION_FLOPS, "0"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
