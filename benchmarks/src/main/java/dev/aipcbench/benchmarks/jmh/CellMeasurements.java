package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.runtime.TokenTimeline;

/**
 * What the benchmark of the current fork measured in its last invocation, for
 * {@link CellMetricsProfiler} to turn into the iteration's metrics after each iteration. Benchmarks run
 * on one thread and the profiler runs between iterations, so plain fields suffice.
 */
public final class CellMeasurements {
    private static TokenTimeline timeline;
    private static long ttftNanos = -1;
    private static int prefillTokens;
    private static long decodeNanos = -1;
    private static long loadNanos = -1;
    private static boolean warmLoad;

    private CellMeasurements() {
    }

    static void generation(TokenTimeline t) {
        timeline = t;
    }

    static void prefill(long nanos, int tokens) {
        ttftNanos = nanos;
        prefillTokens = tokens;
    }

    static void decodeStep(long nanos) {
        decodeNanos = nanos;
    }

    static void load(long nanos, boolean warm) {
        loadNanos = nanos;
        warmLoad = warm;
    }

    /** The last generation, or null; the reference is cleared so each iteration reports only its own. */
    static TokenTimeline takeGeneration() {
        TokenTimeline t = timeline;
        timeline = null;
        return t;
    }

    static long takeTtftNanos() {
        long v = ttftNanos;
        ttftNanos = -1;
        return v;
    }

    static int prefillTokens() {
        return prefillTokens;
    }

    static long takeDecodeNanos() {
        long v = decodeNanos;
        decodeNanos = -1;
        return v;
    }

    static long takeLoadNanos() {
        long v = loadNanos;
        loadNanos = -1;
        return v;
    }

    static boolean warmLoad() {
        return warmLoad;
    }
}
