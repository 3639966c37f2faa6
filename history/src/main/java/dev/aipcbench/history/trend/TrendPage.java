package dev.aipcbench.history.trend;

import dev.aipcbench.reports.chart.ChartImage;
import dev.aipcbench.reports.html.markup.HtmlWriter;

import java.util.Base64;

/** trends.html: every trend chart (inlined, so the page travels alone) and the table of version changes. */
public final class TrendPage {
    private TrendPage() {
    }

    public static String render(TrendCharts.Trends trends, String storeName) {
        HtmlWriter w = new HtmlWriter();
        w.trusted("<!DOCTYPE html>\n").open("html", "lang", "en").open("head").empty("meta", "charset", "utf-8")
                .element("title", "aipc-bench trends").trusted("<style>body{font-family:sans-serif;margin:2em;max-width:1000px}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                        + "figure{margin:1.5em 0}img{max-width:100%}</style>").close("head").open("body");
        w.element("h1", "Trends from the history").element("p", "Store: " + storeName + ". The machine comparison of each host's latest run is in report.html.");
        w.element("h2", "Version changes");
        if (trends.changes().isEmpty()) {
            w.element("p", "No runtime, driver or suite version changed between the runs shown.");
        } else {
            w.open("table", "id", "version-changes").open("tr").element("th", "machine").element("th", "run").element("th", "started")
                    .element("th", "what").element("th", "before").element("th", "after").close("tr");
            for (VersionChange v : trends.changes()) {
                w.open("tr").element("td", v.host()).element("td", v.runId()).element("td", v.started()).element("td", v.what())
                        .element("td", v.before() == null ? "(none)" : v.before()).element("td", v.after() == null ? "(none)" : v.after())
                        .close("tr");
            }
            w.close("table");
        }
        w.element("h2", "Charts");
        if (trends.charts().isEmpty()) {
            w.element("p", "No cell has results in two runs yet: publish more runs to see trends.");
        }
        for (ChartImage c : trends.charts()) {
            w.open("figure", "class", "trend").empty("img", "src", "data:image/png;base64," + Base64.getEncoder().encodeToString(c.png()),
                    "alt", c.title()).element("figcaption", c.caption()).close("figure");
        }
        w.close("body").close("html");
        return w.toString();
    }
}
