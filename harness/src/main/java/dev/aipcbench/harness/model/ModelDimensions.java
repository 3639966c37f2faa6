package dev.aipcbench.harness.model;

import java.util.Locale;

/**
 * The shape of a Phi-3-architecture decoder. {@link #tiny()} is for tests; {@link #mini()} is exactly
 * Phi-3-mini-4k-instruct (3.8 B parameters).
 *
 * @param hidden       hidden size
 * @param layers       decoder layers
 * @param heads        attention (query) heads
 * @param kvHeads      key/value heads (Phi-3-mini has as many as query heads)
 * @param headSize     size of one head
 * @param intermediate MLP intermediate size (gate and up each have this many outputs)
 * @param vocab        vocabulary size (rows of the embedding and of the LM head)
 * @param context      maximum context length (rotary caches and search.max_length)
 * @param ropeTheta    rotary base
 * @param rmsNormEps   epsilon of the RMS norms
 */
public record ModelDimensions(int hidden, int layers, int heads, int kvHeads, int headSize, int intermediate,
                              int vocab, int context, double ropeTheta, double rmsNormEps) {

    /** Phi-3's vocabulary, which also holds its chat tokens at 32000..32010. */
    public static final int PHI3_VOCAB = 32064;

    public ModelDimensions {
        positive("hidden", hidden);
        positive("layers", layers);
        positive("heads", heads);
        positive("kv-heads", kvHeads);
        positive("head-size", headSize);
        positive("intermediate", intermediate);
        positive("vocab", vocab);
        positive("context", context);
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("--heads (" + heads + ") must be a multiple of --kv-heads (" + kvHeads + ")");
        }
        if (headSize % 2 != 0) {
            throw new IllegalArgumentException("--head-size must be even for rotary embeddings, got " + headSize);
        }
        if (vocab < 300) {
            throw new IllegalArgumentException("--vocab must be at least 300 (byte tokens + specials), got " + vocab);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive, got " + value);
        }
    }

    /**
     * A model small enough for tests (seconds to generate, milliseconds per token) that keeps Phi-3's
     * vocabulary, so the tokenizer, chat tokens and the LM head cost stay real.
     */
    public static ModelDimensions tiny() {
        return new ModelDimensions(256, 2, 8, 8, 32, 512, PHI3_VOCAB, 4096, 10000.0, 1e-5);
    }

    /** Phi-3-mini-4k-instruct's exact shape. */
    public static ModelDimensions mini() {
        return new ModelDimensions(3072, 32, 32, 32, 96, 8192, PHI3_VOCAB, 4096, 10000.0, 1e-5);
    }

    /** {@code tiny} or {@code mini}. */
    public static ModelDimensions preset(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny": return tiny();
            case "mini": return mini();
            default: throw new IllegalArgumentException("unknown size '" + name + "': expected tiny or mini");
        }
    }

    /** Query-head width ({@code heads * headSize}); Phi-3 has this equal to {@code hidden}. */
    public int queryWidth() {
        return heads * headSize;
    }

    public int kvWidth() {
        return kvHeads * headSize;
    }

    /** Output width of the packed QKV projection. */
    public int qkvWidth() {
        return queryWidth() + 2 * kvWidth();
    }

    /** Output width of the packed gate_up projection (gate and up side by side, as Phi-3 stores them). */
    public int gateUpWidth() {
        return 2 * intermediate;
    }

    /** One projection of a decoder layer: a {@code [in, out]} MatMul weight. */
    public record Projection(String name, int in, int out) {
    }

    /** A layer's projections in the order the writers emit them: qkv, o, gate_up, down. */
    public java.util.List<Projection> projections() {
        return java.util.List.of(new Projection("qkv_proj", hidden, qkvWidth()), new Projection("o_proj", queryWidth(), hidden),
                new Projection("gate_up_proj", hidden, gateUpWidth()), new Projection("down_proj", intermediate, hidden));
    }

    /** The layer's largest projection (gate_up on Phi-3): the matmul the characterise workload measures. */
    public Projection largestProjection() {
        return projections().stream().max(java.util.Comparator.comparingLong(p -> (long) p.in() * p.out())).orElseThrow();
    }

    /** Number of weight parameters (embedding, projections, norms, LM head). */
    public long parameterCount() {
        long perLayer = projections().stream().mapToLong(p -> (long) p.in() * p.out()).sum() + 2L * hidden;
        return (long) vocab * hidden * 2 + perLayer * layers + hidden;
    }
}
