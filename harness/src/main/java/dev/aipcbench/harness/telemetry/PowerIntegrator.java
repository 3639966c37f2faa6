package dev.aipcbench.harness.telemetry;

/**
 * Energy from power readings, for sources that report power but keep no energy counter (Windows'
 * Energy Meter, hwmon {@code power1_average}, nvidia-smi's {@code power.draw}): each reading is the
 * average over the interval since the previous one, so power x that interval is its energy. The first
 * reading only starts the clock.
 */
public final class PowerIntegrator {
    private long previousNanos;
    private boolean started;

    /** Starts over: the next reading only starts the clock. */
    public void reset() {
        started = false;
    }

    /**
     * Joules used since the previous reading, or NaN for the first reading or a missing one (NaN watts);
     * a missing reading leaves the clock where it was, so the next reading covers the gap.
     */
    public double joules(long tNanos, double watts) {
        if (!Double.isFinite(watts)) {
            return Double.NaN;
        }
        boolean hadPrevious = started;
        long previous = previousNanos;
        previousNanos = tNanos;
        started = true;
        if (!hadPrevious || tNanos <= previous) {
            return Double.NaN;
        }
        return watts * (tNanos - previous) / 1e9;
    }
}
