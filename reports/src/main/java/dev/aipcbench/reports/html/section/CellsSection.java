package dev.aipcbench.reports.html.section;

import dev.aipcbench.results.Ceilings;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.results.MetricMedian;
import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.reports.html.markup.SortableTable;
import dev.aipcbench.reports.format.CellOrder;
import dev.aipcbench.reports.format.NumberText;
import dev.aipcbench.reports.roofline.RooflineField;
import dev.aipcbench.results.RooflinePoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Every cell of every run in one sortable table, one row per cell: its id, status and reason
 * (with the failed fork's stderr tail folded under it), model, the medians of the headline metrics, and where its
 * decode and prefill stand against the run's measured ceilings ({@link RooflineField}).
 */
public final class CellsSection implements ReportSection {
    private static final List<String[]> METRICS = List.of(
            new String[] {MetricCatalog.TTFT_MS.name(), "TTFT ms"}, new String[] {MetricCatalog.TPOT_MS.name(), "TPOT ms"},
            new String[] {MetricCatalog.DECODE_TOK_S.name(), "decode tok/s"}, new String[] {MetricCatalog.PREFILL_TOK_S.name(), "prefill tok/s"},
            new String[] {MetricCatalog.E2E_MS.name(), "E2E ms"}, new String[] {MetricCatalog.LOAD_MS.name(), "load ms"},
            new String[] {MetricCatalog.PEAK_RSS_MB.name(), "peak RSS MB"}, new String[] {MetricCatalog.ENERGY_J_PER_TOKEN.name(), "J/token"});

    private final List<LoadedRun> runs;

    public CellsSection(List<LoadedRun> runs) {
        this.runs = runs;
    }

    @Override
    public String id() {
        return "cells";
    }

    @Override
    public String title() {
        return "Cells";
    }

    @Override
    public void write(HtmlWriter out) {
        List<String[]> shown = METRICS.stream().filter(m -> runs.stream().flatMap(r -> r.results().cells().stream())
                .anyMatch(c -> c.metrics() != null && c.metrics().containsKey(m[0]))).toList();
        boolean several = runs.size() > 1;
        boolean itl = runs.stream().flatMap(r -> r.results().cells().stream())
                .anyMatch(c -> c.metrics() != null && c.metrics().containsKey(MetricCatalog.ITL_MS.name()));

        List<SortableTable.Column> columns = new ArrayList<>();
        if (several) {
            columns.add(SortableTable.Column.text("machine"));
        }
        // The cell id reads runtime/device/precision/workload, so sorting by it groups by runtime, then device...
        columns.addAll(List.of(SortableTable.Column.text("cell"), SortableTable.Column.text("status"),
                SortableTable.Column.text("reason"), SortableTable.Column.text("model"), SortableTable.Column.text("executed on")));
        shown.forEach(m -> columns.add(SortableTable.Column.number(m[1], "median of " + m[0])));
        if (itl) {
            columns.add(SortableTable.Column.number("ITL p90 ms", "90th percentile of every inter-token latency"));
        }
        List<RooflineField> roofline = RooflineField.ALL.stream().filter(f -> runs.stream().flatMap(r -> r.results().cells().stream())
                .anyMatch(c -> c.ok() && RooflinePoint.hasPhase(c.workload(), f.phase()))).toList();
        roofline.forEach(f -> columns.add(SortableTable.Column.number(f.name(), f.description())));
        columns.add(SortableTable.Column.number("n", "measured iterations (all forks)"));

        SortableTable table = new SortableTable("cells", null, columns);
        for (LoadedRun run : runs) {
            Ceilings ceilings = Ceilings.of(run.results().cells());
            List<CellResult> cells = new ArrayList<>(run.results().cells());
            cells.sort(CellOrder.CELL);
            for (CellResult c : cells) {
                List<SortableTable.Cell> row = new ArrayList<>();
                if (several) {
                    row.add(SortableTable.Cell.text(run.label()));
                }
                row.add(SortableTable.Cell.text(c.id(), "id"));
                row.add(StatusStyle.cell(c.status()));
                row.add(reason(c));
                row.add(SortableTable.Cell.text(c.model() == null ? null : c.model().name(), "model"));
                row.add(executedOn(c));
                for (String[] m : shown) {
                    double v = MetricMedian.orNaN(c, m[0]);
                    row.add(SortableTable.Cell.number(v, NumberText.value(v)));
                }
                if (itl) {
                    Metric m = c.ok() && c.metrics() != null ? c.metrics().get(MetricCatalog.ITL_MS.name()) : null;
                    double p90 = m == null || m.summary() == null ? Double.NaN : m.summary().p90();
                    row.add(SortableTable.Cell.number(p90, NumberText.value(p90)));
                }
                for (RooflineField f : roofline) {
                    RooflineField.Value v = f.value(c, ceilings);
                    row.add(SortableTable.Cell.number(v.percent(), v.text()).withClass("roofline-" + f.phase().label()));
                }
                int n = iterations(c);
                row.add(SortableTable.Cell.number(n > 0 ? n : Double.NaN, n > 0 ? Integer.toString(n) : NumberText.ABSENT));
                table.addRow("cell-row", row);
            }
        }
        table.write(out);
    }

    /** The runtime's word on where the work ran and the hardware's, a suspected fallback marked. */
    private static SortableTable.Cell executedOn(CellResult c) {
        CellResult.ExecutedOn e = c.executedOn();
        if (e == null) {
            return SortableTable.Cell.text(null);
        }
        String text = java.util.stream.Stream.of(e.runtime(), e.hardware()).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining("; "));
        return SortableTable.Cell.text(text, e.fallbackSuspected() ? "worse" : null);
    }

    private static SortableTable.Cell reason(CellResult c) {
        return new SortableTable.Cell(out -> {
            out.text(c.reason());
            if (c.stderrTail() != null && !c.stderrTail().isBlank()) {
                out.open("details").element("summary", "stderr tail").element("pre", c.stderrTail()).close("details");
            }
        }, c.reason() == null ? "" : c.reason(), "reason", null);
    }

    /** Measured iterations: the samples of the cell's first metric, over every fork. */
    private static int iterations(CellResult c) {
        if (!c.ok() || c.metrics() == null) {
            return 0;
        }
        Metric m = c.metrics().containsKey(MetricCatalog.TTFT_MS.name()) ? c.metrics().get(MetricCatalog.TTFT_MS.name())
                : c.metrics().values().stream().findFirst().orElse(null);
        return m == null || m.samples() == null ? 0 : m.allSamples().length;
    }
}
