package dev.aipcbench.results;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;

/**
 * Summary statistics of a sample. Percentiles are the suite's one definition, {@link #percentile}: linear
 * interpolation between closest ranks (R-7, NumPy's and Excel's default), so they agree with what users
 * compute themselves; the standard deviation is the sample one (n - 1).
 */
public record Summary(int n, double mean, double median, double p90, double p99, double stddev, double min, double max) {

    public static Summary of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return new Summary(n, new Mean().evaluate(s), percentile(s, 50), percentile(s, 90), percentile(s, 99),
                n > 1 ? new StandardDeviation(true).evaluate(s) : 0.0, s[0], s[n - 1]);
    }

    /** Percentile {@code p} (0..100) of {@code values} (any order), R-7 as NumPy's {@code np.percentile}; NaN when empty. */
    public static double percentile(double[] values, double p) {
        return percentile(values, 0, values.length, p);
    }

    /** {@link #percentile} of {@code values[begin, begin + length)}, which it leaves as they are. */
    public static double percentile(double[] values, int begin, int length, double p) {
        if (length == 0) {
            return Double.NaN;
        }
        if (p <= 0) {
            return Arrays.stream(values, begin, begin + length).min().getAsDouble();
        }
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, begin, length, p);
    }

    /** The median: {@link #percentile} at 50. */
    public static double median(double[] values) {
        return percentile(values, 50);
    }
}
