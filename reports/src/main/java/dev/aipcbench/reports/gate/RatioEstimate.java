package dev.aipcbench.reports.gate;

/**
 * The ratio of medians {@code current / baseline} and its bootstrap confidence interval.
 *
 * @param baselineMedian median of the pooled baseline samples
 * @param currentMedian  median of the current samples
 * @param ratio          {@code currentMedian / baselineMedian}
 * @param ciLow          lower bound of the interval at {@code confidence}
 * @param ciHigh         upper bound
 * @param confidence     level of the interval, e.g. 0.95
 */
public record RatioEstimate(double baselineMedian, double currentMedian, double ratio, double ciLow, double ciHigh,
                            double confidence) {

    /** Whether the whole interval lies above 1 (current larger) or below it (current smaller). */
    public boolean excludesOne() {
        return ciLow > 1 || ciHigh < 1;
    }
}
