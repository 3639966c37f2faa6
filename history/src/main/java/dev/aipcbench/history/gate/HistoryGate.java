package dev.aipcbench.history.gate;

import dev.aipcbench.history.changepoint.ChangePoint;
import dev.aipcbench.history.changepoint.EDivisive;
import dev.aipcbench.history.store.HistoryStore;
import dev.aipcbench.history.store.RunFilter;
import dev.aipcbench.history.store.RunKey;
import dev.aipcbench.history.store.StoredRun;
import dev.aipcbench.history.store.StoredRuns;
import dev.aipcbench.history.trend.RunVersions;
import dev.aipcbench.reports.gate.GateInputException;
import dev.aipcbench.reports.gate.GateOptions;
import dev.aipcbench.reports.gate.GateReport;
import dev.aipcbench.reports.gate.GateRow;
import dev.aipcbench.reports.gate.RegressionGate;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.RunResults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code run-bench gate --history URL}: the current run against the last N runs of the same machine (same
 * host fingerprint) in the store, pooled as baselines by the {@link RegressionGate}, and E-divisive change
 * points over those runs and the current one, per gated cell and metric, each with the versions that changed
 * where it lies.
 */
public final class HistoryGate {
    private final HistoryStore store;
    private final int last;
    private final EDivisive detector;

    /** What the gate found: its report, the baseline runs it took, and the change points. */
    public record Outcome(GateReport report, List<String> baselineRunIds, List<MetricChange> changes) {
    }

    public HistoryGate(HistoryStore store, int last, EDivisive detector) {
        if (last < 1) {
            throw new GateInputException("--last: at least 1 run, got " + last);
        }
        this.store = store;
        this.last = last;
        this.detector = detector;
    }

    public Outcome run(RunResults current, GateOptions options) {
        RunKey key = RunKey.of(current, "--current " + options.current());
        StoredRuns stored = new StoredRuns(store);
        List<StoredRun> earlier = new ArrayList<>();
        for (StoredRun r : stored.runs(new RunFilter(List.of(key.fingerprint()), null, List.of()))) {
            // the same machine only, never the current run itself (it may be published already), never a later run
            if (r.fingerprint().equals(key.fingerprint()) && !r.runKey().equals(key.text())
                    && Instant.parse(r.started()).toEpochMilli() < key.startedMillis()) {
                earlier.add(r);
            }
        }
        if (earlier.isEmpty()) {
            throw new GateInputException(store.location().describe() + ": no earlier run of this machine (host fingerprint "
                    + key.fingerprint() + ") is published; publish baseline runs first ('run-bench publish DIR --db URL')");
        }
        List<StoredRun> window = earlier.subList(Math.max(0, earlier.size() - last), earlier.size());
        List<RunResults> history = new ArrayList<>();
        for (StoredRun r : window) {
            history.add(stored.load(r.runKey()));
        }
        GateReport report = new RegressionGate(options).compare(history, current);
        List<RunResults> series = new ArrayList<>(history);
        series.add(current);
        return new Outcome(report, window.stream().map(StoredRun::runId).toList(), changes(report, series));
    }

    private List<MetricChange> changes(GateReport report, List<RunResults> series) {
        Set<List<String>> judged = new LinkedHashSet<>();
        for (GateRow r : report.rows()) {
            judged.add(List.of(r.cellId(), r.metric()));
        }
        List<MetricChange> changes = new ArrayList<>();
        for (List<String> cm : judged) {
            String cellId = cm.get(0);
            String metric = cm.get(1);
            List<Integer> runIndex = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < series.size(); i++) {
                double m = median(series.get(i), cellId, metric);
                if (!Double.isNaN(m)) {
                    runIndex.add(i);
                    values.add(m);
                }
            }
            List<ChangePoint> points = detector.detect(values.stream().mapToDouble(Double::doubleValue).toArray());
            for (ChangePoint p : points) {
                RunResults at = series.get(runIndex.get(p.index()));
                RunResults before = series.get(runIndex.get(p.index() - 1));
                changes.add(new MetricChange(cellId, metric, MetricCatalog.unitOf(metric), at.runId(), at.started(), p.before(), p.after(),
                        p.changePct(), p.pValue(), runIndex.get(p.index()) == series.size() - 1,
                        RunVersions.changes(at.host() == null ? "" : at.host().hostname(), before, at)));
            }
        }
        return changes;
    }

    private static double median(RunResults r, String cellId, String metric) {
        return r.cell(cellId).filter(CellResult::ok).map(CellResult::metrics).map(ms -> ms.get(metric))
                .filter(x -> x.summary() != null && x.summary().n() > 0).map(x -> x.summary().median()).orElse(Double.NaN);
    }
}
