package dev.aipcbench.history.changepoint;

/**
 * A change in a series: {@code index} is the first point of the new regime; {@code before} and
 * {@code after} the means of the segments on either side (within the neighbouring change points), and
 * {@code pValue} the permutation test's.
 */
public record ChangePoint(int index, double before, double after, double statistic, double pValue) {

    /** The change in percent of the value before. */
    public double changePct() {
        return before == 0 ? Double.NaN : 100.0 * (after - before) / Math.abs(before);
    }
}
