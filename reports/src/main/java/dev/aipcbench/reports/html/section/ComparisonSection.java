package dev.aipcbench.reports.html.section;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.MetricDefinition;
import dev.aipcbench.results.Workload;
import dev.aipcbench.reports.compare.ComparisonRow;
import dev.aipcbench.reports.compare.ComparisonTable;
import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.compare.SpeedupSummary;
import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.reports.rank.CellRanking;
import dev.aipcbench.reports.rank.RankingText;
import dev.aipcbench.reports.html.markup.SortableTable;
import dev.aipcbench.reports.format.NumberText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hardware comparison: for each machine after the first, every cell both ran, with each headline
 * metric's median on the first machine (A), on this one (B) and B / A, coloured by whether B is
 * better or worse; cells that ran on both but did not end ok on both are listed below it with why.
 * A line of geometric-mean speed-ups sums each pair up. Characterise cells (what the hardware can do) have their own
 * table with their own metrics beside the tokens'.
 */
public final class ComparisonSection implements ReportSection {
    /** Ratios within 2% of 1 are noise for a benchmark on a laptop; they get no colour. */
    private static final double NEUTRAL = 0.02;
    private static final List<String> HEADLINE = List.of(MetricCatalog.DECODE_TOK_S.name(), MetricCatalog.TTFT_MS.name(),
            MetricCatalog.TPOT_MS.name(), MetricCatalog.PREFILL_TOK_S.name(), MetricCatalog.E2E_MS.name(), MetricCatalog.READ_GB_S.name(),
            MetricCatalog.MATMUL_M512_GFLOP_S.name());
    /**
     * The metrics the page compares, in this order; comparison.csv holds every metric (ITL, loop overhead
     * and total energy add width here, not information: TPOT, the loop and energy per token cover them).
     */
    private static final List<String> SHOWN = List.of(MetricCatalog.DECODE_TOK_S.name(), MetricCatalog.TTFT_MS.name(),
            MetricCatalog.TPOT_MS.name(), MetricCatalog.PREFILL_TOK_S.name(), MetricCatalog.E2E_MS.name(), MetricCatalog.LOAD_MS.name(),
            MetricCatalog.LOAD_WARM_MS.name(), MetricCatalog.PEAK_RSS_MB.name(), MetricCatalog.ENERGY_J_PER_TOKEN.name());

    private final List<LoadedRun> runs;
    private final ComparisonTable table;

    public ComparisonSection(List<LoadedRun> runs, ComparisonTable table) {
        this.runs = runs;
        this.table = table;
    }

    @Override
    public String id() {
        return "comparison";
    }

    @Override
    public String title() {
        return "Hardware comparison";
    }

    @Override
    public boolean present() {
        return runs.size() > 1;
    }

    @Override
    public void write(HtmlWriter out) {
        LoadedRun a = runs.get(0);
        out.open("p").text("A is the first results folder given (" + a.label() + "); every ratio is B / A of the "
                + "two medians. Green: B is better, red: B is worse (by more than 2%), whichever way the metric's "
                + "better points.").close("p");
        bestPerMachine(out);
        for (int other = 1; other < runs.size(); other++) {
            LoadedRun b = runs.get(other);
            out.element("h3", "B: " + b.label() + " vs A: " + a.label());
            List<ComparisonRow> rows = table.rowsOf(other);
            if (rows.isEmpty()) {
                out.element("p", "No cell of " + a.label() + " ran on " + b.label() + " too: nothing to compare.",
                        "class", "muted");
                continue;
            }
            speedups(out, rows, b.label());
            List<ComparisonRow> compared = rows.stream().filter(ComparisonRow::compared).filter(r -> !characterises(r)).toList();
            if (!compared.isEmpty()) {
                pivot(compared, SHOWN, other == 1 ? "comparison" : "comparison-" + (other + 1), a.label(), b.label()).write(out);
            }
            // What each machine's hardware can do, side by side: its own metrics, apart from the tokens'.
            List<ComparisonRow> hardware = rows.stream().filter(ComparisonRow::compared).filter(ComparisonSection::characterises).toList();
            if (!hardware.isEmpty()) {
                out.element("p", "Characterisation: what each machine's devices were measured to do (read bandwidth, matmul "
                        + "throughput per precision), B / A.");
                pivot(hardware, new Workload.Characterise(0).metrics().stream().map(MetricDefinition::name).toList(),
                        other == 1 ? "comparison-characterise" : "comparison-characterise-" + (other + 1), a.label(), b.label()).write(out);
            }
            notCompared(out, rows);
        }
    }

    /** Each machine's own winners ({@link CellRanking#bestOfMachine}), worded as "which to use" words them. */
    private void bestPerMachine(HtmlWriter out) {
        out.element("p", "Best per machine:");
        out.open("ul", "class", "best-per-machine");
        for (LoadedRun r : runs) {
            out.open("li").element("strong", r.label() + ": ")
                    .text(CellRanking.bestOfMachine(r.results().cells()).map(RankingText::best).orElse("no cell ended ok"))
                    .close("li");
        }
        out.close("ul");
    }

    /** Cells both machines planned that did not end ok on both: no ratio, but the reader learns why. */
    private static void notCompared(HtmlWriter out, List<ComparisonRow> rows) {
        List<ComparisonRow> skipped = rows.stream().filter(r -> !r.compared()).toList();
        if (skipped.isEmpty()) {
            return;
        }
        out.element("p", "Not compared: on both machines, but not ok on both.");
        out.open("ul", "class", "not-compared");
        for (ComparisonRow r : skipped) {
            out.element("li", r.cellId() + ": A " + r.baselineStatus() + ", B " + r.otherStatus() + ": " + reason(r));
        }
        out.close("ul");
    }

    private static void speedups(HtmlWriter out, List<ComparisonRow> rows, String b) {
        out.open("ul");
        List<String> present = ComparisonTable.metricsOf(rows);
        for (String metric : HEADLINE) {
            if (!present.contains(metric)) {
                continue;
            }
            SpeedupSummary s = SpeedupSummary.of(rows, metric);
            if (s.cells() == 0) {
                continue;
            }
            String verdict = s.speedup() >= 1 ? "better" : "worse";
            double factor = s.speedup() >= 1 ? s.speedup() : 1 / s.speedup();
            out.element("li", metric + ": " + b + " is " + NumberText.ratio(factor) + " " + verdict
                    + " (geometric mean over " + s.cells() + " cells; B / A = " + NumberText.ratio(s.ratio()) + ")");
        }
        out.close("ul");
    }

    private static boolean characterises(ComparisonRow r) {
        return r.baselineCell().workload() instanceof Workload.Characterise;
    }

    private static SortableTable pivot(List<ComparisonRow> rows, List<String> shown, String id, String a, String b) {
        List<String> present = ComparisonTable.metricsOf(rows);
        List<String> metrics = shown.stream().filter(present::contains).toList();
        List<SortableTable.Column> columns = new ArrayList<>(List.of(SortableTable.Column.text("cell")));
        for (String m : metrics) {
            String unit = MetricCatalog.unitOf(m);
            columns.add(SortableTable.Column.number(m + " A", "median on " + a + " (" + unit + ")"));
            columns.add(SortableTable.Column.number(m + " B", "median on " + b + " (" + unit + ")"));
            columns.add(SortableTable.Column.number(m + " B/A", "ratio of the medians, " + b + " / " + a));
        }
        SortableTable t = new SortableTable(id, "comparison", columns);

        Map<String, List<ComparisonRow>> byCell = new LinkedHashMap<>();
        rows.forEach(r -> byCell.computeIfAbsent(r.cellId(), k -> new ArrayList<>()).add(r));
        for (List<ComparisonRow> cellRows : byCell.values()) {
            CellResult c = cellRows.get(0).baselineCell();
            List<SortableTable.Cell> cells = new ArrayList<>(List.of(SortableTable.Cell.text(c.id(), "id")));
            for (String m : metrics) {
                ComparisonRow r = cellRows.stream().filter(x -> m.equals(x.metric())).findFirst().orElse(null);
                double va = r == null ? Double.NaN : r.baselineMedian();
                double vb = r == null ? Double.NaN : r.otherMedian();
                double ratio = r == null ? Double.NaN : r.ratio();
                cells.add(SortableTable.Cell.number(va, NumberText.value(va)));
                cells.add(SortableTable.Cell.number(vb, NumberText.value(vb)));
                cells.add(ratioCell(r, ratio, b));
            }
            t.addRow(null, cells);
        }
        return t;
    }

    private static SortableTable.Cell ratioCell(ComparisonRow r, double ratio, String b) {
        SortableTable.Cell cell = SortableTable.Cell.number(ratio, NumberText.ratio(ratio));
        if (r == null || !Double.isFinite(ratio)) {
            return cell;
        }
        double speedup = r.speedup();
        String tip = speedup >= 1 ? b + " is " + NumberText.ratio(speedup) + " better"
                : b + " is " + NumberText.ratio(1 / speedup) + " worse";
        cell = cell.withTooltip(tip);
        if (speedup > 1 + NEUTRAL) {
            return cell.withClass("better");
        }
        return speedup < 1 - NEUTRAL ? cell.withClass("worse") : cell;
    }

    private static String reason(ComparisonRow r) {
        String why = !r.baselineCell().ok() ? r.baselineCell().reason() : r.otherCell().reason();
        return why == null ? "" : why;
    }
}
