package dev.aipcbench.results;

import java.util.Arrays;

/**
 * Summary statistics of a sample. Percentiles use linear interpolation between closest ranks (the
 * "R-7" definition of NumPy's and Excel's default), so they agree with what users compute themselves.
 */
public record Summary(int n, double mean, double median, double p90, double p99, double stddev, double min, double max) {

    public static Summary of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : s) {
            sq += (v - mean) * (v - mean);
        }
        double stddev = n > 1 ? Math.sqrt(sq / (n - 1)) : 0.0;
        return new Summary(n, mean, percentile(s, 50), percentile(s, 90), percentile(s, 99), stddev, s[0], s[n - 1]);
    }

    /** Percentile {@code p} (0..100) of already sorted values. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
