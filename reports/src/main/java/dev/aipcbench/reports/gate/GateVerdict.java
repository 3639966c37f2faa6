package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Metric;

import java.util.Locale;

/**
 * The gate's word on one cell x metric. A change is called only when the bootstrap interval excludes 1
 * (it is real) and the point ratio moves past the practical threshold (it matters) and past the
 * {@link NoiseFloor} (it is more than the machine's run-to-run drift). A row whose noise is above the
 * threshold cannot pass: a change the size of the threshold could hide in it. Improvements are
 * reported, never failed.
 */
public enum GateVerdict {
    /** No real change, or a real one smaller than the threshold, on a row whose noise is below it. */
    PASS,
    /** Worse beyond the threshold and the noise, with the interval excluding 1: fails the gate. */
    REGRESSION,
    /** Better beyond the threshold and the noise, with the interval excluding 1: reported only. */
    IMPROVEMENT,
    /** Judged, but the run-to-run noise is above the threshold (or unknown) and the change is not beyond it. */
    INCONCLUSIVE,
    /** Not judged: the metric is missing on one side, or has too few usable samples. */
    NO_DATA;

    // Floating-point slack so that a change of exactly the threshold (1.05 * x / x) never counts as exceeding it.
    private static final double EPS = 1e-9;

    /**
     * The rule. The threshold is a relative change of the metric itself in its worse direction:
     * lower-is-better metrics regress when {@code ratio > 1 + t}, higher-is-better ones when
     * {@code ratio < 1 - t} (a throughput 5 % lower); improvements mirror that. With the noise above the
     * threshold, {@code t} becomes the noise: a change beyond it is still called, anything less is
     * inconclusive. Unknown noise (one fork a side) can call nothing.
     */
    public static GateVerdict of(RatioEstimate e, Metric.Better better, double thresholdPct, NoiseFloor noise) {
        if (!noise.known()) {
            return INCONCLUSIVE;
        }
        boolean noisy = noise.above(thresholdPct);
        double t = (noisy ? noise.pct() : thresholdPct) / 100.0;
        boolean up = e.ciLow() > 1 && e.ratio() > 1 + t + EPS;
        boolean down = e.ciHigh() < 1 && e.ratio() < 1 - t - EPS;
        GateVerdict changed = better == Metric.Better.HIGHER ? (down ? REGRESSION : up ? IMPROVEMENT : null)
                : (up ? REGRESSION : down ? IMPROVEMENT : null);
        if (changed != null) {
            return changed;
        }
        return noisy ? INCONCLUSIVE : PASS;
    }

    /** Fails the gate (exit 1). */
    public boolean fails() {
        return this == REGRESSION;
    }

    /** A verdict on the change itself: pass, regression or improvement. */
    public boolean judged() {
        return this == PASS || this == REGRESSION || this == IMPROVEMENT;
    }

    /** As printed in gate.md and gate.xml. */
    public String label() {
        return name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
