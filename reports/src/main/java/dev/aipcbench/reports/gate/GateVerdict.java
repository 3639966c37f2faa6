package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Metric;

import java.util.Locale;

/**
 * The gate's word on one cell x metric. A change is called only when the bootstrap interval excludes 1
 * (it is real) and the point ratio moves past the practical threshold (it matters); everything else
 * passes. Improvements are reported, never failed.
 */
public enum GateVerdict {
    /** No real change, or a real one smaller than the threshold. */
    PASS,
    /** Worse beyond the threshold, with the interval excluding 1: fails the gate. */
    REGRESSION,
    /** Better beyond the threshold, with the interval excluding 1: reported only. */
    IMPROVEMENT,
    /** Not judged: the metric is missing on one side, or has too few usable samples. */
    NO_DATA;

    // Floating-point slack so that a change of exactly the threshold (1.05 * x / x) never counts as exceeding it.
    private static final double EPS = 1e-9;

    /**
     * The rule. The threshold is a relative change of the metric itself in its worse direction:
     * lower-is-better metrics regress when {@code ratio > 1 + t}, higher-is-better ones when
     * {@code ratio < 1 - t} (a throughput 5 % lower); improvements mirror that.
     */
    public static GateVerdict of(RatioEstimate e, Metric.Better better, double thresholdPct) {
        double t = thresholdPct / 100.0;
        boolean up = e.ciLow() > 1 && e.ratio() > 1 + t + EPS;
        boolean down = e.ciHigh() < 1 && e.ratio() < 1 - t - EPS;
        if (better == Metric.Better.HIGHER) {
            return down ? REGRESSION : up ? IMPROVEMENT : PASS;
        }
        return up ? REGRESSION : down ? IMPROVEMENT : PASS;
    }

    /** Fails the gate (exit 1). */
    public boolean fails() {
        return this == REGRESSION;
    }

    /** As printed in gate.md and gate.xml. */
    public String label() {
        return name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
