package dev.aipcbench.reports.html.section;

import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.RuntimeInfo;
import dev.aipcbench.reports.chart.RunCharts;
import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.reports.table.StatusCounts;

import java.util.List;

/**
 * What was run: for each results folder its run id, profile, times, completeness, cells by status,
 * and the runtimes the run found (with why one was not available), plus any note about input the
 * report could not draw.
 */
public final class RunSummarySection implements ReportSection {
    private final List<LoadedRun> runs;
    private final List<RunCharts> charts;

    public RunSummarySection(List<LoadedRun> runs, List<RunCharts> charts) {
        this.runs = runs;
        this.charts = charts;
    }

    @Override
    public String id() {
        return "summary";
    }

    @Override
    public String title() {
        return runs.size() == 1 ? "Run" : "Runs";
    }

    @Override
    public void write(HtmlWriter out) {
        for (int i = 0; i < runs.size(); i++) {
            LoadedRun run = runs.get(i);
            RunResults r = run.results();
            StatusCounts n = StatusCounts.of(r.cells());
            out.element("h3", run.label());
            String complete = r.complete() ? "yes" : "no: " + n.total() + " of " + r.plannedCells()
                    + " planned cells ended (an interrupted run keeps every finished cell)";
            new FactList()
                    .add("run id", r.runId())
                    .add("results folder", run.folder())
                    .add("profile", r.profileName())
                    .add("profile description", r.profile() == null || r.profile().get("description") == null ? null
                            : String.valueOf(r.profile().get("description")))
                    .add("started", r.started())
                    .add("finished", r.finished())
                    .add("complete", complete)
                    .add("suite version", r.suiteVersion())
                    .add("command line", r.commandLine() == null ? null : String.join(" ", r.commandLine()))
                    .write(out);
            out.open("p");
            badge(out, CellStatus.OK, n.ok());
            badge(out, CellStatus.SKIPPED, n.skipped());
            badge(out, CellStatus.UNSUPPORTED, n.unsupported());
            badge(out, CellStatus.FAILED, n.failed());
            out.close("p");
            runtimes(out, r.runtimes());
            List<String> notes = charts.get(i).notes();
            if (!notes.isEmpty()) {
                out.open("ul", "class", "note");
                notes.forEach(note -> out.element("li", note));
                out.close("ul");
            }
        }
    }

    private static void badge(HtmlWriter out, CellStatus status, int count) {
        out.element("span", count + " " + status.id(), "class", "badge " + StatusStyle.cssClass(status));
    }

    private static void runtimes(HtmlWriter out, List<RuntimeInfo> runtimes) {
        if (runtimes == null || runtimes.isEmpty()) {
            return;
        }
        out.open("div", "class", "table-scroll").open("table", "class", "runtimes");
        out.open("thead").open("tr");
        for (String h : List.of("runtime", "version", "available", "providers / why not")) {
            out.element("th", h, "scope", "col");
        }
        out.close("tr").close("thead").open("tbody");
        for (RuntimeInfo rt : runtimes) {
            out.open("tr").element("td", rt.id()).element("td", rt.version())
                    .element("td", rt.available() ? "yes" : "no", "class", rt.available() ? "status status-ok" : "status status-skipped")
                    .element("td", rt.available() && rt.providers() != null ? String.join(", ", rt.providers()) : rt.reason())
                    .close("tr");
        }
        out.close("tbody").close("table").close("div");
    }
}
