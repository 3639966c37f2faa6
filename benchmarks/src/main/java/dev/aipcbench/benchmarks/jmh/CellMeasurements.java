package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.runtime.SessionInfo;
import dev.aipcbench.harness.runtime.TokenTimeline;

/**
 * What the benchmark of the current fork measured in its last invocation, for
 * {@link CellMetricsProfiler} to turn into JMH secondary results after each iteration. Benchmarks run
 * on one thread and the profiler runs between iterations, so plain fields suffice.
 */
public final class CellMeasurements {
    private static TokenTimeline timeline;
    private static long ttftNanos = -1;
    private static int prefillTokens;
    private static long decodeNanos = -1;
    private static long loadNanos = -1;
    private static boolean warmLoad;

    /** System property naming the file the fork writes its {@link SessionInfo} to. */
    public static final String SESSION_INFO_PROPERTY = "aipcbench.sessionInfo";

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

    /**
     * Hands what the runtime opened to the host: when the runner asked for it with
     * {@code -Daipcbench.sessionInfo=FILE}, writes it there: the host cannot see inside the fork.
     */
    static void session(SessionInfo info) {
        String file = System.getProperty(SESSION_INFO_PROPERTY);
        if (file != null && !file.isBlank()) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(file),
                        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(info));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
