package dev.aipcbench.harness.model.synthetic;

import java.nio.charset.StandardCharsets;

/**
 * Counter-based random numbers: value {@code i} of a tensor is a pure function of (seed, tensor name,
 * i), so any element can be produced in any order, in parallel, by the generator, the quantizer and the
 * tests alike, and the same seed always gives the same model.
 */
public final class SeededWeights {
    /** Standard deviation of the Irwin-Hall(4) sum of uniforms in [0,1): sqrt(4/12). */
    private static final float IRWIN_HALL_4_STD = (float) Math.sqrt(4.0 / 12.0);

    private final long seed;

    public SeededWeights(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream of one named tensor. */
    public long stream(String tensorName) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : tensorName.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return h;
    }

    /**
     * An approximately standard-normal value (Irwin-Hall sum of four 16-bit uniforms from one 64-bit
     * hash, centred and scaled): bell-shaped like trained weights, bounded at about ±3.5 sigma, and an
     * order of magnitude cheaper than Box-Muller, which matters for 3.8 B values.
     */
    public static float normal(long stream, long index) {
        long h = mix(stream + index * 0xD1B54A32D192ED03L);
        float sum = (h & 0xFFFF) + ((h >>> 16) & 0xFFFF) + ((h >>> 32) & 0xFFFF) + (h >>> 48);
        return (sum / 65536f - 2f) / IRWIN_HALL_4_STD;
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
