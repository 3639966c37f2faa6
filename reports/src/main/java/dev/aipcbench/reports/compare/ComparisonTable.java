package dev.aipcbench.reports.compare;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.MetricMedian;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.reports.format.CellOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hardware comparison: every cell (same id: runtime, device, precision, workload) present in the
 * first run and in another one, metric by metric. The first run is the baseline, as with llama.cpp's
 * compare script, so every ratio reads "this machine / the first one".
 */
public final class ComparisonTable {
    private final List<ComparisonRow> rows;

    private ComparisonTable(List<ComparisonRow> rows) {
        this.rows = List.copyOf(rows);
    }

    public static ComparisonTable of(List<RunResults> runs) {
        List<ComparisonRow> rows = new ArrayList<>();
        if (runs.size() < 2) {
            return new ComparisonTable(rows);
        }
        List<CellResult> baseline = new ArrayList<>(runs.get(0).cells());
        baseline.sort(CellOrder.CELL);
        for (int other = 1; other < runs.size(); other++) {
            for (CellResult a : baseline) {
                Optional<CellResult> found = runs.get(other).cell(a.id());
                if (found.isEmpty()) {
                    continue;
                }
                CellResult b = found.get();
                if (!a.ok() || !b.ok()) {
                    rows.add(new ComparisonRow(a, b, 0, other, null, null, null, Double.NaN, Double.NaN));
                    continue;
                }
                for (String metric : commonMetrics(a, b)) {
                    Metric m = a.metrics().get(metric);
                    String unit = m.unit() != null ? m.unit() : MetricCatalog.unitOf(metric);
                    Metric.Better better = m.better() != null ? m.better() : MetricCatalog.betterOf(metric);
                    rows.add(new ComparisonRow(a, b, 0, other, metric, unit, better,
                            MetricMedian.orNaN(a, metric), MetricMedian.orNaN(b, metric)));
                }
            }
        }
        return new ComparisonTable(rows);
    }

    public List<ComparisonRow> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Rows comparing run {@code other} with the baseline. */
    public List<ComparisonRow> rowsOf(int other) {
        return rows.stream().filter(r -> r.otherRun() == other).toList();
    }

    /** The runs compared with the baseline, in input order. */
    public List<Integer> others() {
        Set<Integer> s = new TreeSet<>();
        rows.forEach(r -> s.add(r.otherRun()));
        return List.copyOf(s);
    }

    /** Metrics with at least one value in the rows given, in the order reports list metrics. */
    public static List<String> metricsOf(List<ComparisonRow> rows) {
        Set<String> s = new LinkedHashSet<>();
        rows.stream().filter(ComparisonRow::compared).map(ComparisonRow::metric)
                .sorted(Comparator.comparingInt(MetricCatalog::rank).thenComparing(Comparator.naturalOrder()))
                .forEach(s::add);
        return List.copyOf(s);
    }

    private static List<String> commonMetrics(CellResult a, CellResult b) {
        if (a.metrics() == null || b.metrics() == null) {
            return List.of();
        }
        return a.metrics().keySet().stream().filter(b.metrics()::containsKey)
                .sorted(Comparator.comparingInt(MetricCatalog::rank).thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
