package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Summary;

import java.util.SplittableRandom;

/**
 * Estimates {@code median(current) / median(baseline)} with a percentile bootstrap confidence interval:
 * each round draws a hierarchical resample of both sides independently and records the ratio of their
 * medians; the interval is the central {@code confidence} share of those ratios. The ratio of medians
 * is robust to the odd outlier iteration (a GC pause, a background task) that would drag a mean.
 * Deterministic: the same seed and samples always give the same interval.
 */
public final class RatioOfMedians {
    private final int resamples;
    private final double confidence;

    public RatioOfMedians(int resamples, double confidence) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        this.resamples = resamples;
        this.confidence = confidence;
    }

    /** Both samples must be non-empty with positive medians (the caller decides what else is no data). */
    public RatioEstimate estimate(ForkedSamples baseline, ForkedSamples current, long seed) {
        double b = baseline.median();
        double c = current.median();
        HierarchicalBootstrap base = new HierarchicalBootstrap(baseline);
        HierarchicalBootstrap cur = new HierarchicalBootstrap(current);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            ratios[r] = ratio(cur.resampleMedian(rng), base.resampleMedian(rng));
        }
        double tail = (1 - confidence) / 2;
        return new RatioEstimate(b, c, ratio(c, b), quantile(ratios, tail), quantile(ratios, 1 - tail), confidence);
    }

    // A resample whose baseline median is 0 (mostly-zero samples) is an infinitely large ratio, and 0/0 no change.
    private static double ratio(double current, double baseline) {
        if (baseline == 0) {
            return current == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return current / baseline;
    }

    /**
     * The suite's percentile ({@link Summary#percentile}) of the ratios at quantile {@code q}. An infinite
     * ratio (a zero baseline) is carried as the largest double, so interpolating next to it gives a bound
     * beyond any real ratio instead of NaN, and read back as infinite.
     */
    private static double quantile(double[] ratios, double q) {
        double[] finite = new double[ratios.length];
        for (int i = 0; i < ratios.length; i++) {
            finite[i] = Double.isInfinite(ratios[i]) ? Double.MAX_VALUE : ratios[i];
        }
        double v = Summary.percentile(finite, q * 100);
        return v > 1e300 ? Double.POSITIVE_INFINITY : v;
    }
}
