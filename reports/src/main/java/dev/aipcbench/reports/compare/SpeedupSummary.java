package dev.aipcbench.reports.compare;

import java.util.List;

/**
 * One number per metric for a pair of machines: the geometric mean of the speed-ups over every cell
 * both measured (MLPerf Client's way of summarising across prompts), so no single workload dominates.
 *
 * @param metric  the metric
 * @param cells   how many cells were compared
 * @param speedup geometric mean of the speed-ups (above 1: the other machine is better)
 * @param ratio   geometric mean of other / baseline
 */
public record SpeedupSummary(String metric, int cells, double speedup, double ratio) {

    public static SpeedupSummary of(List<ComparisonRow> rows, String metric) {
        double logSpeedup = 0;
        double logRatio = 0;
        int n = 0;
        for (ComparisonRow r : rows) {
            if (metric.equals(r.metric()) && Double.isFinite(r.ratio()) && r.ratio() > 0) {
                logSpeedup += Math.log(r.speedup());
                logRatio += Math.log(r.ratio());
                n++;
            }
        }
        return n == 0 ? new SpeedupSummary(metric, 0, Double.NaN, Double.NaN)
                : new SpeedupSummary(metric, n, Math.exp(logSpeedup / n), Math.exp(logRatio / n));
    }
}
