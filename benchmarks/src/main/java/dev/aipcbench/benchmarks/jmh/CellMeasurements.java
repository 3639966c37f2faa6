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
    private static final java.util.Map<String, Double> PROBES = new java.util.LinkedHashMap<>();

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

    /** A characterise probe's measurement of the last shot, in its metric's unit. */
    static void probe(dev.aipcbench.results.MetricDefinition metric, double value) {
        PROBES.put(metric.name(), value);
    }

    /** The probes' measurements since the last take, by metric name; cleared. */
    static java.util.Map<String, Double> takeProbes() {
        java.util.Map<String, Double> out = java.util.Map.copyOf(PROBES);
        PROBES.clear();
        return out;
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
