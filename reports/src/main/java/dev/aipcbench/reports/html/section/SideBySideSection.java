package dev.aipcbench.reports.html.section;

import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.format.NumberText;
import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.reports.rank.CellField;
import dev.aipcbench.reports.rank.CellRanking;
import dev.aipcbench.reports.rank.MetricRanking;
import dev.aipcbench.reports.rank.RankedGroup;
import dev.aipcbench.reports.rank.ReasonText;
import dev.aipcbench.reports.table.AgreementTable;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.MetricDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One machine's contenders side by side: rows are what they share (device · precision · workload), one
 * column group per contender (each runtime, or each device of one runtime) with TTFT, TPOT, decode
 * throughput, peak RSS and the agreement with the reference; the best of each row marked, the others with
 * how many times better the best is. One section per kind of contender, {@link #RUNTIMES} and
 * {@link #DEVICES}, present where some row has two of them that ran.
 */
public final class SideBySideSection implements ReportSection {
    public static final CellField RUNTIMES = CellField.RUNTIME;
    public static final CellField DEVICES = CellField.DEVICE;
    private static final List<MetricDefinition> METRICS = List.of(MetricCatalog.TTFT_MS, MetricCatalog.TPOT_MS,
            MetricCatalog.DECODE_TOK_S, MetricCatalog.PEAK_RSS_MB);

    private final List<LoadedRun> runs;
    private final CellField contender;
    private final CellRanking ranking;

    /** The section comparing the values of {@code contender} (runtime or device) row by row. */
    public SideBySideSection(List<LoadedRun> runs, CellField contender) {
        if (contender != CellField.RUNTIME && contender != CellField.DEVICE) {
            throw new IllegalArgumentException("side by side compares runtimes or devices, not " + contender);
        }
        this.runs = runs;
        this.contender = contender;
        this.ranking = CellRanking.holding(contender == CellField.RUNTIME ? CellField.DEVICE : CellField.RUNTIME, CellField.PRECISION);
    }

    @Override
    public String id() {
        return "side-by-side-" + key();
    }

    @Override
    public String title() {
        return contender == CellField.RUNTIME ? "Runtimes side by side" : "Devices side by side";
    }

    @Override
    public boolean present() {
        return runs.stream().anyMatch(r -> ranking.rank(r.results().cells(), METRICS).stream()
                .anyMatch(g -> g.cells().stream().filter(CellResult::ok).count() >= 2));
    }

    @Override
    public void write(HtmlWriter out) {
        String rows = ranking.fixed().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" \u00b7 "));
        out.element("p", "One row per " + rows + ", one column group per " + key() + "; values are medians. \u2605 marks the "
                + "row's best, the others show how many times better the best is than they are.", "class", "muted");
        for (int i = 0; i < runs.size(); i++) {
            if (runs.size() > 1) {
                out.element("h3", runs.get(i).label());
            }
            table(out, i, runs.get(i));
        }
    }

    private String key() {
        return contender.name().toLowerCase(Locale.ROOT);
    }

    private void table(HtmlWriter out, int run, LoadedRun loaded) {
        List<CellResult> cells = loaded.results().cells();
        List<RankedGroup> groups = ranking.rank(cells, METRICS);
        List<RankedGroup> shown = groups.stream().filter(g -> g.cells().stream().anyMatch(CellResult::ok)).toList();
        List<Object> values = new ArrayList<>();
        shown.stream().flatMap(g -> g.cells().stream()).sorted(contender.order()).map(contender::value)
                .filter(v -> !values.contains(v)).forEach(values::add);
        List<MetricDefinition> metrics = METRICS.stream().filter(m -> shown.stream().anyMatch(g -> g.ranking(m).isPresent())).toList();
        boolean agreement = shown.stream().flatMap(g -> g.cells().stream()).anyMatch(c -> AgreementTable.row(c).isPresent());
        int width = metrics.size() + (agreement ? 1 : 0);
        List<CellField> rowFields = new ArrayList<>();
        for (CellField f : CellField.values()) {
            if (ranking.fixed().contains(f)) {
                rowFields.add(f);
            }
        }

        out.open("div", "class", "table-scroll");
        out.open("table", "id", "side-by-side-" + key() + (runs.size() > 1 ? "-" + run : ""), "class", "side-by-side");
        out.empty("colgroup", "span", Integer.toString(rowFields.size()), "class", "row-fields");
        for (Object v : values) {
            out.empty("colgroup", "span", Integer.toString(width), "class", "contender", "data-contender", String.valueOf(v));
        }
        out.open("thead").open("tr");
        out.element("th", "", "colspan", Integer.toString(rowFields.size()));
        for (Object v : values) {
            out.element("th", String.valueOf(v), "colspan", Integer.toString(width), "scope", "colgroup", "class", "contender");
        }
        out.close("tr").open("tr");
        rowFields.forEach(f -> out.element("th", f.name().toLowerCase(Locale.ROOT), "scope", "col"));
        for (Object v : values) {
            metrics.forEach(m -> out.element("th", m.label() + " " + m.unit(), "scope", "col", "title", m.definition()));
            if (agreement) {
                out.element("th", "agreement", "scope", "col", "title", "tokens of the agreement probe equal to the reference's from the first");
            }
        }
        out.close("tr").close("thead").open("tbody");
        for (RankedGroup g : shown) {
            CellResult first = g.cells().get(0);
            out.open("tr");
            rowFields.forEach(f -> out.element("th", f.label(first), "scope", "row"));
            for (Object v : values) {
                CellResult c = g.cell(contender, v).orElse(null);
                if (c == null) {
                    out.element("td", "not planned", "colspan", Integer.toString(width), "class", "muted");
                    continue;
                }
                if (!c.ok()) {
                    out.element("td", c.status().id() + ": " + ReasonText.headline(c.reason()), "colspan", Integer.toString(width),
                            "class", StatusStyle.cssClass(c.status()) + " not-run", "title", c.reason());
                    continue;
                }
                for (MetricDefinition m : metrics) {
                    value(out, g, m, c);
                }
                if (agreement) {
                    out.element("td", AgreementTable.row(c).map(AgreementTable.Row::tokens).orElse(NumberText.ABSENT), "class", "num");
                }
            }
            out.close("tr");
        }
        out.close("tbody").close("table").close("div");
        List<String> nowhere = groups.stream().filter(g -> !shown.contains(g)).map(RankedGroup::label).toList();
        if (!nowhere.isEmpty()) {
            out.element("p", "Ran on no " + key() + ": " + String.join(", ", nowhere) + " (why: Which to use, and the Cells table).",
                    "class", "muted");
        }
    }

    private static void value(HtmlWriter out, RankedGroup g, MetricDefinition m, CellResult c) {
        MetricRanking r = g.ranking(m).orElse(null);
        MetricRanking.Placing p = r == null ? null : r.of(c).orElse(null);
        if (p == null) {
            out.element("td", NumberText.ABSENT, "class", "num");
            return;
        }
        boolean best = p == r.best() && r.placings().size() > 1;
        out.open("td", "class", best ? "num best" : "num", "data-metric", m.name(),
                "title", best ? "the best of this row" : null);
        out.text(NumberText.value(p.median()));
        if (best) {
            out.element("span", " \u2605", "class", "mark");
        } else if (r.placings().size() > 1) {
            double x = r.timesBetterThan(p);
            out.element("span", " " + NumberText.ratio(x), "class", "ratio", "title", "the row's best is " + NumberText.ratio(x) + " better");
        }
        out.close("td");
    }
}
