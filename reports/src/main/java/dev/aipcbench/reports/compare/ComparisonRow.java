package dev.aipcbench.reports.compare;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.Metric;

/**
 * One cell measured on two machines, for one metric: the baseline's median and the other's, their
 * ratio (other / baseline) and the speed-up (how many times better the other is, whichever way the
 * metric's "better" points). A row whose cell did not end ok on both has no metric and no values,
 * only the two statuses: the comparison says that the cell could not be compared and why.
 */
public record ComparisonRow(CellResult baselineCell, CellResult otherCell, int baselineRun, int otherRun,
                            String metric, String unit, Metric.Better better,
                            double baselineMedian, double otherMedian) {

    public String cellId() {
        return baselineCell.id();
    }

    public CellStatus baselineStatus() {
        return baselineCell.status();
    }

    public CellStatus otherStatus() {
        return otherCell.status();
    }

    /** True for a row with values; false for a cell that did not end ok on both machines. */
    public boolean compared() {
        return metric != null;
    }

    /** other / baseline, or NaN. */
    public double ratio() {
        if (!compared() || !(baselineMedian > 0) || !Double.isFinite(otherMedian)) {
            return Double.NaN;
        }
        return otherMedian / baselineMedian;
    }

    /** How many times better the other machine is: the ratio for throughputs, its inverse for latencies. */
    public double speedup() {
        double r = ratio();
        if (Double.isNaN(r)) {
            return Double.NaN;
        }
        return better == Metric.Better.HIGHER ? r : 1.0 / r;
    }
}
