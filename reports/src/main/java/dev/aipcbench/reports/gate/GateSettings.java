package dev.aipcbench.reports.gate;

import java.util.List;

/**
 * How a gate run compared, for the report's header.
 *
 * @param baselineRuns        run ids of the pooled baseline runs
 * @param currentRun          run id of the current run
 * @param defaultThresholdPct the global practical threshold (overrides may apply per row)
 * @param confidence          level of the bootstrap interval
 * @param resamples           bootstrap resamples per row
 * @param seed                bootstrap seed
 */
public record GateSettings(List<String> baselineRuns, String currentRun, double defaultThresholdPct,
                           double confidence, int resamples, long seed) {
    public GateSettings {
        baselineRuns = List.copyOf(baselineRuns);
    }
}
