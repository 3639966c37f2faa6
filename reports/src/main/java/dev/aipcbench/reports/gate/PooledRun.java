package dev.aipcbench.reports.gate;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.RunResults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several runs of the current build as one: each cell's forks from every run side by side, as the
 * baselines are pooled. Runs taken in turns with baseline runs (A, B, A, B) put the machine's drift
 * over time into both sides' fork-to-fork variation, where the interval sees it, instead of into the
 * difference between the sides, where a shared machine's drift (10-15 % between runs here) would read
 * as a regression.
 */
public final class PooledRun {
    private PooledRun() {
    }

    /** The first run, with every cell's metric samples extended by the same cell's samples in the others. */
    public static RunResults of(List<RunResults> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        RunResults first = runs.get(0);
        List<CellResult> cells = new ArrayList<>();
        for (CellResult cell : first.cells()) {
            if (!cell.ok() || cell.metrics() == null) {
                cells.add(cell);
                continue;
            }
            Map<String, List<List<Double>>> samples = new LinkedHashMap<>();
            cell.metrics().forEach((name, m) -> samples.put(name, new ArrayList<>(m.samples())));
            for (RunResults other : runs.subList(1, runs.size())) {
                other.cell(cell.id()).filter(CellResult::ok).filter(c -> c.metrics() != null)
                        .ifPresent(c -> c.metrics().forEach((name, m) -> {
                            List<List<Double>> forks = samples.get(name);
                            if (forks != null) {
                                forks.addAll(m.samples());
                            }
                        }));
            }
            Map<String, Metric> pooled = new LinkedHashMap<>();
            cell.metrics().forEach((name, m) -> pooled.put(name, Metric.of(m.unit(), m.better(), samples.get(name))));
            cells.add(cell.withMetrics(pooled));
        }
        StringBuilder ids = new StringBuilder(first.runId());
        runs.subList(1, runs.size()).forEach(r -> ids.append('+').append(r.runId()));
        return new RunResults(first.schema(), ids.toString(), first.started(), first.finished(), first.complete(),
                first.suiteVersion(), first.profileName(), first.profile(), first.commandLine(), first.host(), first.runtimes(),
                first.plannedCells(), cells, null);
    }
}
