package dev.aipcbench.reports.gate;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Locale;

/**
 * The change between two runs that fork-to-fork variation alone reaches, at the gate's confidence: a
 * gate cannot tell a change smaller than this from the machine's noise, however narrow the bootstrap
 * interval of one pair of runs looks. Forks are fresh processes started minutes apart, so their spread
 * carries what drifts between runs on a shared machine (a neighbour's load, frequency, page cache); with
 * several baseline runs pooled, the runs' forks sit side by side and their drift is in the spread too.
 *
 * <p>Estimate: each fork's median relative to its side's mean fork median; the pooled within-side
 * standard deviation {@code s} of those ({@code kb + kc - 2} degrees of freedom, so a real shift between
 * the sides is not counted as noise); the floor is {@code z * s * sqrt(1/kb + 1/kc)}, the spread of a
 * difference of two side means of {@code kb} and {@code kc} forks. Fewer than three forks in all leave
 * no degree of freedom: the noise is unknown (one-fork runs), and the gate cannot pass on them.
 *
 * @param pct   the floor in percent of the median, NaN when unknown
 * @param forks forks the estimate rests on (both sides)
 */
public record NoiseFloor(double pct, int forks) {

    public static NoiseFloor of(ForkedSamples baseline, ForkedSamples current, double confidence) {
        int kb = baseline.forkCount();
        int kc = current.forkCount();
        int df = kb + kc - 2;
        if (kb == 0 || kc == 0 || df < 1) {
            return new NoiseFloor(Double.NaN, kb + kc);
        }
        double squares = squaredRelativeDeviations(baseline) + squaredRelativeDeviations(current);
        double s = Math.sqrt(squares / df);
        double z = new NormalDistribution().inverseCumulativeProbability((1 + confidence) / 2);
        return new NoiseFloor(100 * z * s * Math.sqrt(1.0 / kb + 1.0 / kc), kb + kc);
    }

    private static double squaredRelativeDeviations(ForkedSamples side) {
        double[] medians = side.forkMedians();
        double mean = 0;
        for (double m : medians) {
            mean += m / medians.length;
        }
        if (!(mean > 0)) {
            return 0;
        }
        double sum = 0;
        for (double m : medians) {
            double d = (m - mean) / mean;
            sum += d * d;
        }
        return sum;
    }

    public boolean known() {
        return !Double.isNaN(pct);
    }

    /** Above the practical threshold: a change the size of the threshold would drown in the noise. */
    public boolean above(double thresholdPct) {
        return !known() || pct > thresholdPct;
    }

    /** {@code noise 8.1% (4 forks)}, or why it is unknown. */
    public String describe() {
        return known() ? String.format(Locale.ROOT, "noise %.1f%% (%d forks)", pct, forks)
                : "run-to-run noise unknown: " + forks + " fork" + (forks == 1 ? "" : "s") + " in all (needs 3 or more: jmh.forks >= 2)";
    }
}
