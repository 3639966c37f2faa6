package dev.aipcbench.history.gate;

import dev.aipcbench.history.trend.VersionChange;

import java.util.List;

/**
 * A change point in one cell's metric over a machine's history: from run {@code runId} (started
 * {@code started}) on, the per-run medians moved from {@code before} to {@code after}; {@code versions} is what
 * changed in the software with that run (empty: nothing the runs record, so the machine or the code under test).
 */
public record MetricChange(String cellId, String metric, String unit, String runId, String started, double before, double after,
                           double changePct, double pValue, boolean atCurrentRun, List<VersionChange> versions) {
}
