package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Metric;

/**
 * One cell x metric of the gate. Medians, ratio and interval are NaN where the verdict is
 * {@link GateVerdict#NO_DATA} and they could not be computed.
 *
 * @param cellId         the cell ({@code runtime/device/precision/workload})
 * @param metric         metric name
 * @param unit           unit of the medians
 * @param better         which direction is better
 * @param thresholdPct   the practical threshold applied, in percent
 * @param baselineMedian median of the pooled baseline samples
 * @param currentMedian  median of the current samples
 * @param baselineN      finite baseline samples (all pooled forks)
 * @param currentN       finite current samples
 * @param ratio          current / baseline medians
 * @param ciLow          lower bound of the ratio's bootstrap interval
 * @param ciHigh         upper bound
 * @param noisePct       the row's {@link NoiseFloor} in percent, NaN when unknown or not judged
 * @param verdict        what the gate says
 * @param note           why, in a few words (empty when there is nothing to add)
 */
public record GateRow(String cellId, String metric, String unit, Metric.Better better, double thresholdPct,
                      double baselineMedian, double currentMedian, int baselineN, int currentN,
                      double ratio, double ciLow, double ciHigh, double noisePct, GateVerdict verdict, String note) {

    /** How much worse the current median is, in percent of the baseline (negative: better). */
    public double worsePct() {
        double change = (ratio - 1) * 100;
        return better == Metric.Better.HIGHER ? -change : change;
    }

    /** This row with another verdict and note (the numbers stay, for the reader). */
    public GateRow withVerdict(GateVerdict v, String why) {
        return new GateRow(cellId, metric, unit, better, thresholdPct, baselineMedian, currentMedian, baselineN, currentN,
                ratio, ciLow, ciHigh, noisePct, v, why);
    }
}
