package dev.aipcbench.reports.table;

import dev.aipcbench.reports.format.CellOrder;
import dev.aipcbench.reports.format.NumberText;

import dev.aipcbench.results.Ceilings;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.Workload;
import dev.aipcbench.reports.compare.ComparisonTable;
import dev.aipcbench.results.MetricMedian;
import dev.aipcbench.reports.compare.RunLabels;
import dev.aipcbench.reports.compare.SpeedupSummary;

import dev.aipcbench.reports.rank.CellRanking;
import dev.aipcbench.reports.rank.RankedGroup;
import dev.aipcbench.reports.rank.RankingText;
import dev.aipcbench.reports.rank.WhichToUse;
import dev.aipcbench.reports.roofline.RooflineField;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.md}: what a CI job summary shows. It stays short (a few dozen lines whatever the
 * matrix): one line per run, the first results, the cells that did not run and why, and one
 * speed-up per metric for each machine compared with the first; report.html holds the rest.
 */
public final class MarkdownSummary {
    static final int MAX_RESULT_ROWS = 20;
    static final int MAX_NOT_RUN_ROWS = 10;
    static final int MAX_WHICH_LINES = 12;
    private static final int MAX_REASON = 140;
    private static final List<String> RESULT_METRICS = List.of(MetricCatalog.TTFT_MS.name(), MetricCatalog.TPOT_MS.name(),
            MetricCatalog.DECODE_TOK_S.name(), MetricCatalog.E2E_MS.name());
    private static final List<String> SPEEDUP_METRICS = List.of(MetricCatalog.DECODE_TOK_S.name(), MetricCatalog.TTFT_MS.name(),
            MetricCatalog.TPOT_MS.name(), MetricCatalog.E2E_MS.name());

    private MarkdownSummary() {
    }

    public static String render(List<RunResults> runs) {
        List<String> labels = RunLabels.of(runs);
        StringBuilder md = new StringBuilder();
        md.append("## aipc-bench results\n\n");
        whichToUse(md, runs, labels);
        runsTable(md, runs, labels);
        resultsTable(md, runs, labels);
        notRun(md, runs, labels);
        agreement(md, runs, labels);
        disturbed(md, runs, labels);
        comparison(md, runs, labels);
        return md.toString();
    }

    /** One line per cell with forks other work disturbed (rerun, left out of the numbers). */
    private static void disturbed(StringBuilder md, List<RunResults> runs, List<String> labels) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            for (dev.aipcbench.results.CellResult c : runs.get(i).cells()) {
                var d = c.disturbedForks();
                if (d.isEmpty()) {
                    continue;
                }
                lines.append("- `").append(c.id()).append("`").append(runs.size() > 1 ? " (" + MarkdownText.escape(labels.get(i)) + ")" : "")
                        .append(": ").append(d.size()).append(" of ").append(c.forks().size()).append(" forks disturbed (")
                        .append(MarkdownText.escape(d.get(0).evidence())).append(")")
                        .append(c.everyForkDisturbed() ? "; **every fork disturbed: not trustworthy**" : "; rerun, left out").append('\n');
            }
        }
        if (lines.length() > 0) {
            md.append("### Disturbed forks\n\n").append(lines).append('\n');
        }
    }

    /**
     * The report's first section in a few lines: per precision and workload, each metric's best runtime · device
     * and its lead over the runner-up, then per precision what did not run and why. Where generations ran, their
     * lines only (as in the results table): the sweeps' winners are the report's.
     */
    private static void whichToUse(StringBuilder md, List<RunResults> runs, List<String> labels) {
        boolean generateOnly = runs.stream().flatMap(r -> r.cells().stream())
                .anyMatch(c -> c.ok() && c.workload() instanceof Workload.Generate);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String machine = runs.size() > 1 ? MarkdownText.escape(labels.get(i)) + ": " : "";
            for (WhichToUse.AtPrecision p : WhichToUse.of(runs.get(i).cells()).precisions()) {
                for (RankedGroup g : p.ranked()) {
                    if (generateOnly && !(g.cells().get(0).workload() instanceof Workload.Generate)) {
                        continue;
                    }
                    lines.add("- **" + machine + MarkdownText.escape(g.label()) + "**: " + MarkdownText.escape(RankingText.lines(g)) + "\n");
                }
                if (!p.notRun().isEmpty()) {
                    lines.add("- **" + machine + MarkdownText.escape(p.precision()) + ", did not run**: "
                            + MarkdownText.escape(p.notRunText()) + "\n");
                }
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        md.append("### Which to use\n\n");
        lines.stream().limit(MAX_WHICH_LINES).forEach(md::append);
        if (lines.size() > MAX_WHICH_LINES) {
            md.append("- ").append(lines.size() - MAX_WHICH_LINES).append(" more: see report.html\n");
        }
        md.append('\n');
    }

    /** Same weights, same tokens: one line per runtime x device x precision, a defect marked. */
    private static void agreement(StringBuilder md, List<RunResults> runs, List<String> labels) {
        for (int i = 0; i < runs.size(); i++) {
            List<AgreementTable.Row> rows = AgreementTable.of(runs.get(i));
            if (rows.isEmpty()) {
                continue;
            }
            md.append("### Output agreement").append(runs.size() > 1 ? " (" + MarkdownText.escape(labels.get(i)) + ")" : "").append("\n\n");
            md.append(MarkdownText.escape(AgreementTable.referenceText(runs.get(i)))).append(".\n\n");
            md.append("| precision | runtime | device | tokens agreeing | logits cosine | verdict |\n|---|---|---|---|---|---|\n");
            for (AgreementTable.Row r : rows) {
                String verdict = r.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                md.append("| ").append(r.precision()).append(" | ").append(MarkdownText.escape(r.runtime())).append(" | ")
                        .append(r.device()).append(" | ").append(r.tokens()).append(" | ").append(r.cosineText()).append(" | ")
                        .append(r.verdict() == AgreementTable.Verdict.DEFECT ? "**" + verdict + "**" : verdict)
                        .append(r.note() == null ? "" : ": " + MarkdownText.escape(r.note())).append(" |\n");
            }
            md.append('\n');
        }
    }

    private static void runsTable(StringBuilder md, List<RunResults> runs, List<String> labels) {
        md.append("| machine | run | profile | cells | ok | skipped | unsupported | failed |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < runs.size(); i++) {
            RunResults r = runs.get(i);
            StatusCounts n = StatusCounts.of(r.cells());
            String cells = n.total() + (r.complete() ? "" : " of " + r.plannedCells() + " (incomplete)");
            md.append("| ").append(MarkdownText.escape(labels.get(i)))
                    .append(" | ").append(MarkdownText.escape(r.runId()))
                    .append(" | ").append(MarkdownText.escape(r.profileName()))
                    .append(" | ").append(cells)
                    .append(" | ").append(n.ok()).append(" | ").append(n.skipped())
                    .append(" | ").append(n.unsupported()).append(" | ").append(n.failed()).append(" |\n");
        }
        md.append('\n');
    }

    /**
     * Generate cells carry all four metrics the table shows, so they are the table when a run has any;
     * prefill and decode sweeps are the report's charts.
     */
    private static void resultsTable(StringBuilder md, List<RunResults> runs, List<String> labels) {
        boolean generateOnly = runs.stream().flatMap(r -> r.cells().stream())
                .anyMatch(c -> c.ok() && c.workload() instanceof Workload.Generate);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Ceilings ceilings = Ceilings.of(runs.get(i).cells());
            for (CellResult c : sorted(runs.get(i))) {
                if (!c.ok() || generateOnly && !(c.workload() instanceof Workload.Generate)) {
                    continue;
                }
                StringBuilder line = new StringBuilder("| ");
                if (runs.size() > 1) {
                    line.append(MarkdownText.escape(labels.get(i))).append(" | ");
                }
                line.append(MarkdownText.escape(c.runtime())).append(" | ").append(MarkdownText.escape(c.device()))
                        .append(" | ").append(MarkdownText.escape(c.precision()))
                        .append(" | ").append(MarkdownText.escape(c.workload().label()));
                for (String m : RESULT_METRICS) {
                    line.append(" | ").append(NumberText.value(MetricMedian.orNaN(c, m)));
                }
                for (RooflineField f : RooflineField.ALL) {
                    line.append(" | ").append(MarkdownText.escape(f.value(c, ceilings).text()));
                }
                lines.add(line.append(" |\n").toString());
            }
        }
        if (lines.isEmpty()) {
            md.append("No cell ended ok.\n\n");
            return;
        }
        md.append(generateOnly ? "### Generate cells (median)\n\n" : "### Results (median)\n\n");
        md.append(runs.size() > 1 ? "| machine " : "").append("| runtime | device | precision | workload | TTFT ms | TPOT ms | decode tok/s | E2E ms");
        RooflineField.ALL.forEach(f -> md.append(" | ").append(f.name()));
        md.append(" |\n").append(runs.size() > 1 ? "|---" : "").append("|---|---|---|---|---:|---:|---:|---:");
        RooflineField.ALL.forEach(f -> md.append("|---:"));
        md.append("|\n");
        lines.stream().limit(MAX_RESULT_ROWS).forEach(md::append);
        if (lines.size() > MAX_RESULT_ROWS) {
            md.append("\n").append(lines.size() - MAX_RESULT_ROWS).append(" more cells: see report.html.\n");
        }
        md.append('\n');
    }

    private static void notRun(StringBuilder md, List<RunResults> runs, List<String> labels) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (CellResult c : sorted(runs.get(i))) {
                if (c.ok()) {
                    continue;
                }
                String where = runs.size() > 1 ? " on " + MarkdownText.escape(labels.get(i)) : "";
                lines.add("- **" + c.status() + "** " + MarkdownText.escape(c.id()) + where + ": "
                        + MarkdownText.firstLine(c.reason(), MAX_REASON) + "\n");
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        md.append("### Cells not run\n\n");
        lines.stream().limit(MAX_NOT_RUN_ROWS).forEach(md::append);
        if (lines.size() > MAX_NOT_RUN_ROWS) {
            md.append("- ").append(lines.size() - MAX_NOT_RUN_ROWS).append(" more: see report.html\n");
        }
        md.append('\n');
    }

    private static void comparison(StringBuilder md, List<RunResults> runs, List<String> labels) {
        ComparisonTable table = ComparisonTable.of(runs);
        if (table.isEmpty()) {
            return;
        }
        List<String> present = ComparisonTable.metricsOf(table.rows());
        List<String> metrics = SPEEDUP_METRICS.stream().filter(present::contains).toList();
        md.append("### Hardware comparison with ").append(MarkdownText.escape(labels.get(0))).append("\n\n");
        md.append("Speed-up: geometric mean over the cells both machines ran of how many times better the machine "
                + "is (above 1: better than ").append(MarkdownText.escape(labels.get(0))).append(").\n\n");
        md.append("| machine | cells compared |");
        metrics.forEach(m -> md.append(' ').append(MarkdownText.escape(m)).append(" speed-up |"));
        md.append("\n|---|---:|");
        metrics.forEach(m -> md.append("---:|"));
        md.append('\n');
        for (int other : table.others()) {
            var rows = table.rowsOf(other);
            long cells = rows.stream().filter(r -> r.compared()).map(r -> r.cellId()).distinct().count();
            md.append("| ").append(MarkdownText.escape(labels.get(other))).append(" | ").append(cells).append(" |");
            for (String m : metrics) {
                md.append(' ').append(NumberText.ratio(SpeedupSummary.of(rows, m).speedup())).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        md.append("Best per machine:\n\n");
        for (int i = 0; i < runs.size(); i++) {
            String label = MarkdownText.escape(labels.get(i));
            md.append("- **").append(label).append("**: ").append(CellRanking.bestOfMachine(runs.get(i).cells())
                    .map(g -> MarkdownText.escape(RankingText.best(g))).orElse("no cell ended ok")).append('\n');
        }
        md.append('\n');
    }

    private static List<CellResult> sorted(RunResults run) {
        List<CellResult> cells = new ArrayList<>(run.cells());
        cells.sort(CellOrder.CELL);
        return cells;
    }
}
