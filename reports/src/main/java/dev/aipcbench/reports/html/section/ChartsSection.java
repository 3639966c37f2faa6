package dev.aipcbench.reports.html.section;

import dev.aipcbench.reports.chart.ChartImage;
import dev.aipcbench.reports.chart.RunCharts;
import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.html.markup.DataUri;
import dev.aipcbench.reports.html.markup.HtmlWriter;

import java.util.List;

/** The charts of every run, embedded as data URIs with their captions. */
public final class ChartsSection implements ReportSection {
    private final List<LoadedRun> runs;
    private final List<RunCharts> charts;

    public ChartsSection(List<LoadedRun> runs, List<RunCharts> charts) {
        this.runs = runs;
        this.charts = charts;
    }

    @Override
    public String id() {
        return "charts";
    }

    @Override
    public String title() {
        return "Charts";
    }

    @Override
    public void write(HtmlWriter out) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.size() > 1) {
                out.element("h3", runs.get(i).label());
            }
            List<ChartImage> overview = charts.get(i).overview();
            if (overview.isEmpty()) {
                out.element("p", "No chart: this run has no cells.", "class", "muted");
            }
            overview.forEach(c -> figure(out, c));
        }
    }

    static void figure(HtmlWriter out, ChartImage chart) {
        out.open("figure", "id", "chart-" + chart.fileName().replace(".png", ""));
        out.empty("img", "src", DataUri.png(chart.png()), "alt", chart.title());
        out.element("figcaption", chart.caption() + " (charts/" + chart.fileName() + ")");
        out.close("figure");
    }
}
