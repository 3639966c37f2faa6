package dev.aipcbench.reports.html.section;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.TelemetryResult;
import dev.aipcbench.reports.chart.ChartImage;
import dev.aipcbench.reports.chart.RunCharts;
import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.reports.format.CellOrder;
import dev.aipcbench.reports.format.NumberText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Telemetry per cell: every source with its status (an unavailable one says why and shows no
 * values, never zeros), the summary of each signal, and the timeline chart where a series file exists,
 * folded per cell under a line naming the cell and its sources' states.
 */
public final class TelemetrySection implements ReportSection {
    private final List<LoadedRun> runs;
    private final List<RunCharts> charts;

    public TelemetrySection(List<LoadedRun> runs, List<RunCharts> charts) {
        this.runs = runs;
        this.charts = charts;
    }

    @Override
    public String id() {
        return "telemetry";
    }

    @Override
    public String title() {
        return "Telemetry";
    }

    @Override
    public boolean present() {
        return runs.stream().flatMap(r -> r.results().cells().stream()).anyMatch(c -> c.telemetry() != null);
    }

    @Override
    public void write(HtmlWriter out) {
        for (int i = 0; i < runs.size(); i++) {
            List<CellResult> cells = new ArrayList<>(runs.get(i).results().cells());
            cells.sort(CellOrder.CELL);
            Map<String, ChartImage> timelines = charts.get(i).telemetry();
            for (CellResult c : cells) {
                if (c.telemetry() == null) {
                    continue;
                }
                // Folded: a full matrix has dozens of cells, and the page must stay navigable.
                out.open("details", "class", "telemetry-cell");
                out.element("summary", (runs.size() > 1 ? runs.get(i).label() + ": " : "") + c.id() + " ("
                        + sourceStates(c.telemetry()) + ")");
                sources(out, c.telemetry());
                ChartImage chart = timelines.get(c.id());
                if (chart != null) {
                    ChartsSection.figure(out, chart);
                }
                out.close("details");
            }
        }
    }

    private static String sourceStates(TelemetryResult t) {
        if (t.sources() == null || t.sources().isEmpty()) {
            return "no sources";
        }
        return t.sources().stream().map(s -> s.source() + " " + s.status()).collect(Collectors.joining(", "));
    }

    private static void sources(HtmlWriter out, TelemetryResult t) {
        if (t.sources() == null || t.sources().isEmpty()) {
            return;
        }
        out.open("div", "class", "table-scroll").open("table", "class", "telemetry");
        out.open("thead").open("tr");
        for (String h : List.of("source", "status", "signal", "unit", "n", "avg", "min", "peak", "total", "per token")) {
            out.element("th", h, "scope", "col");
        }
        out.close("tr").close("thead").open("tbody");
        for (TelemetryResult.Source s : t.sources()) {
            String statusClass = "ok".equals(s.status()) ? "status status-ok" : "status status-skipped";
            if (s.signals() == null || s.signals().isEmpty()) {
                out.open("tr").element("td", s.source()).element("td", s.status(), "class", statusClass)
                        .element("td", s.reason() == null ? "no signals" : s.reason(), "colspan", "8").close("tr");
                continue;
            }
            for (Map.Entry<String, TelemetryResult.Signal> e : s.signals().entrySet()) {
                TelemetryResult.Signal g = e.getValue();
                out.open("tr").element("td", s.source()).element("td", s.status(), "class", statusClass)
                        .element("td", e.getKey()).element("td", g.unit())
                        .element("td", Integer.toString(g.n()), "class", "num")
                        .element("td", NumberText.value(g.avg()), "class", "num")
                        .element("td", NumberText.value(g.min()), "class", "num")
                        .element("td", NumberText.value(g.peak()), "class", "num")
                        .element("td", g.total() == null ? NumberText.ABSENT : NumberText.value(g.total()), "class", "num")
                        .element("td", g.perToken() == null ? NumberText.ABSENT : NumberText.value(g.perToken()), "class", "num")
                        .close("tr");
            }
        }
        out.close("tbody").close("table").close("div");
    }
}
