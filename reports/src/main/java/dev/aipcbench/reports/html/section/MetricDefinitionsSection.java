package dev.aipcbench.reports.html.section;

import dev.aipcbench.reports.roofline.RooflineField;

import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.MetricDefinition;

import java.util.List;

/** What every metric means, and how the report derives what it shows from the raw samples. */
public final class MetricDefinitionsSection implements ReportSection {
    @Override
    public String id() {
        return "definitions";
    }

    @Override
    public String title() {
        return "Metric definitions";
    }

    @Override
    public void write(HtmlWriter out) {
        out.open("div", "class", "table-scroll").open("table", "id", "definitions");
        out.open("thead").open("tr");
        for (String h : List.of("metric", "unit", "better", "definition")) {
            out.element("th", h, "scope", "col");
        }
        out.close("tr").close("thead").open("tbody");
        for (MetricDefinition d : MetricCatalog.ALL) {
            out.open("tr").open("td").element("code", d.name()).close("td").element("td", d.unit())
                    .element("td", d.better().name().toLowerCase(java.util.Locale.ROOT)).element("td", d.definition()).close("tr");
        }
        out.close("tbody").close("table").close("div");
        out.open("ul");
        out.element("li", "Tables show the median of every measured iteration of every fork; warm-up iterations are"
                + " excluded. Percentiles interpolate linearly between closest ranks (NumPy's default).");
        out.element("li", "Ratio B / A: the median on machine B divided by the median on machine A (the first results"
                + " folder). Speed-up: how many times better B is, the ratio for throughputs and its inverse for"
                + " latencies; summaries are geometric means of speed-ups over the cells both machines ran.");
        out.element("li", "Error bars in throughput charts: \u00b11 sample standard deviation (n - 1) over iterations.");
        out.element("li", "Generation never stops early on EOS: every iteration generates exactly G tokens.");
        for (RooflineField f : RooflineField.ALL) {
            out.element("li", f.name() + ": " + f.description() + ". A generate cell's decode steps stand at their mean depth,"
                    + " P + G/2 tokens in the KV cache; bytes and FLOPs come from the model's dimensions and stored precision,"
                    + " the ceilings from the run's characterise cells with the cell's thread count.");
        }
        out.close("ul");
    }
}
