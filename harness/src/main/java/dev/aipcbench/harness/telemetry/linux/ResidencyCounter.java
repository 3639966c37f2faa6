package dev.aipcbench.harness.telemetry.linux;

/**
 * A driver's counter of the time a device spent in one state (the NPU busy, the GPU idle in RC6), read as
 * the percentage of each interval between two readings that the state took. Allocation-free; one per source.
 */
final class ResidencyCounter {
    private final double nanosPerUnit;
    private long previous = -1;
    private long previousNanos;

    /** @param nanosPerUnit nanoseconds in one step of the counter (1000 for microseconds, 1e6 for milliseconds) */
    ResidencyCounter(double nanosPerUnit) {
        this.nanosPerUnit = nanosPerUnit;
    }

    /** Forgets the previous reading: the next one is a baseline again. */
    void reset() {
        previous = -1;
    }

    /** Whether a reading was taken since the last {@link #reset}. */
    boolean primed() {
        return previous >= 0;
    }

    /** When the previous reading was taken ({@link System#nanoTime} scale). */
    long previousNanos() {
        return previousNanos;
    }

    /**
     * Takes a reading of the counter at {@code tNanos} and returns the percentage of the interval since the
     * previous one spent in the state, at most 100; NaN for a baseline, or where the counter went backwards
     * (the device was reset: that interval has no value).
     */
    double percent(long counter, long tNanos) {
        double pct = Double.NaN;
        if (previous >= 0 && counter >= previous && tNanos > previousNanos) {
            // the driver's clock and ours differ by the read latency, which can push a full interval just past 100
            pct = Math.min(100.0, 100.0 * (counter - previous) * nanosPerUnit / (tNanos - previousNanos));
        }
        previous = counter;
        previousNanos = tNanos;
        return pct;
    }
}
