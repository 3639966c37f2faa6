package dev.aipcbench.reports.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes gate.md, sized for a CI job summary: the verdict first, then regressions (worst first),
 * improvements and cells that changed state, each in full; passing rows and rows without data folded
 * into a {@code <details>} block, and cells that were not ok on either side only counted.
 */
public final class GateMarkdownWriter {

    private GateMarkdownWriter() {
    }

    public static String write(GateReport report) {
        StringBuilder md = new StringBuilder();
        GateSettings s = report.settings();
        long regressions = report.count(GateVerdict.REGRESSION);
        int broken = report.brokenCells().size();
        GateReport.Outcome outcome = report.outcome();
        md.append("## Performance gate: ").append(outcome == GateReport.Outcome.PASSED ? "passed" : outcome.name()).append("\n\n");
        md.append(headline(report, regressions, broken)).append("\n\n");
        md.append("Baseline ").append(runs(s.baselineRuns()))
                .append(s.baselineRuns().size() > 1 ? " (forks pooled)" : "")
                .append(" vs current ").append(code(s.currentRun())).append(". ")
                .append("Verdict when the ").append(GateFormat.confidence(s.confidence()))
                .append(" bootstrap CI of the ratio of medians (current / baseline; forks, then iterations; ")
                .append(s.resamples()).append(" resamples, seed ").append(s.seed())
                .append(") excludes 1 and the change exceeds the threshold (default ")
                .append(GatePercent.format(s.defaultThresholdPct()))
                .append(") and the run-to-run noise (the change fork-to-fork spread alone reaches). A row whose noise is above")
                .append(" its threshold cannot pass: it is inconclusive unless the change is beyond the noise.")
                .append(outcome == GateReport.Outcome.INCONCLUSIVE ? " **No row could be judged: the gate did not pass (exit "
                        + GateReport.EXIT_INCONCLUSIVE + ").**" : "").append("\n\n");
        for (String note : report.notes()) {
            md.append("> ").append(escape(note)).append("\n\n");
        }

        List<GateRow> worse = new ArrayList<>(report.rows(GateVerdict.REGRESSION));
        worse.sort(Comparator.comparingDouble(GateRow::worsePct).reversed());
        List<GateRow> better = new ArrayList<>(report.rows(GateVerdict.IMPROVEMENT));
        better.sort(Comparator.comparingDouble(GateRow::worsePct));
        if (!worse.isEmpty()) {
            md.append("### Regressions\n\n");
            table(md, worse, s.confidence());
        }
        if (!better.isEmpty()) {
            md.append("### Improvements\n\n");
            table(md, better, s.confidence());
        }
        List<GateRow> inconclusive = report.rows(GateVerdict.INCONCLUSIVE);
        if (!inconclusive.isEmpty()) {
            md.append("### Inconclusive (noise above the threshold)\n\n");
            table(md, inconclusive, s.confidence());
        }
        cells(md, report.unmatchedCells());

        List<GateRow> rest = new ArrayList<>(report.rows(GateVerdict.PASS));
        rest.addAll(report.rows(GateVerdict.NO_DATA));
        if (!rest.isEmpty()) {
            md.append("<details><summary>").append(report.count(GateVerdict.PASS)).append(" passed");
            long noData = report.count(GateVerdict.NO_DATA);
            if (noData > 0) {
                md.append(", ").append(noData).append(" without data");
            }
            md.append("</summary>\n\n");
            table(md, rest, s.confidence());
            md.append("</details>\n\n");
        }
        md.append("Not gated: ").append(GatedMetrics.notGated().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "`" + e.getKey() + "` (" + e.getValue() + ")").collect(Collectors.joining(", "))).append(".\n");
        return md.toString();
    }

    private static String headline(GateReport r, long regressions, int broken) {
        List<String> parts = new ArrayList<>();
        parts.add(plural(regressions, "regression"));
        if (broken > 0) {
            parts.add(plural(broken, "cell") + " failed that passed in the baseline");
        }
        parts.add(plural(r.count(GateVerdict.IMPROVEMENT), "improvement"));
        parts.add(r.count(GateVerdict.PASS) + " passed");
        long inconclusive = r.count(GateVerdict.INCONCLUSIVE);
        if (inconclusive > 0) {
            parts.add(inconclusive + " inconclusive");
        }
        long noData = r.count(GateVerdict.NO_DATA);
        if (noData > 0) {
            parts.add(noData + " without data");
        }
        long notCompared = r.unmatchedCells().size() - broken;
        if (notCompared > 0) {
            parts.add(plural(notCompared, "cell") + " not compared");
        }
        return "**" + String.join(", ", parts) + "** (" + plural(r.rows().size(), "cell x metric comparison") + ")";
    }

    private static void table(StringBuilder md, List<GateRow> rows, double confidence) {
        md.append("| cell | metric | baseline | current | ratio | ").append(GateFormat.confidence(confidence))
                .append(" CI | noise | verdict |\n|---|---|---|---|---|---|---|---|\n");
        for (GateRow r : rows) {
            String verdict = r.verdict().fails() ? "**" + r.verdict().label() + "**" : r.verdict().label();
            if (!r.note().isEmpty()) {
                verdict += ": " + r.note();
            }
            md.append("| ").append(code(r.cellId())).append(" | ").append(r.metric())
                    .append(" | ").append(GateFormat.value(r.baselineMedian(), r.unit()))
                    .append(" | ").append(GateFormat.value(r.currentMedian(), r.unit()))
                    .append(" | ").append(GateFormat.ratio(r.ratio()))
                    .append(" | ").append(GateFormat.interval(r.ciLow(), r.ciHigh()))
                    .append(" | ").append(GateFormat.percent(r.noisePct()))
                    .append(" | ").append(escape(verdict)).append(" |\n");
        }
        md.append('\n');
    }

    private static void cells(StringBuilder md, List<UnmatchedCell> cells) {
        // a cell that was not ok on either side, unchanged, is the host's nature (no NPU), not news
        List<UnmatchedCell> changed = cells.stream().filter(c -> !unchangedNotOk(c)).toList();
        Map<String, Long> unchanged = cells.stream().filter(GateMarkdownWriter::unchangedNotOk)
                .collect(Collectors.groupingBy(UnmatchedCell::current, TreeMap::new, Collectors.counting()));
        if (changed.isEmpty() && unchanged.isEmpty()) {
            return;
        }
        md.append("### Cells not compared\n\n");
        if (!changed.isEmpty()) {
            md.append("| cell | baseline | current | why |\n|---|---|---|---|\n");
            for (UnmatchedCell c : changed) {
                String now = c.fails() ? "**" + c.current() + "**" : c.current();
                md.append("| ").append(code(c.cellId())).append(" | ").append(c.baseline()).append(" | ")
                        .append(now).append(" | ").append(escape(c.reason())).append(" |\n");
            }
            md.append('\n');
        }
        if (!unchanged.isEmpty()) {
            md.append("Not ok on either side: ").append(unchanged.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))).append(".\n\n");
        }
    }

    private static boolean unchangedNotOk(UnmatchedCell c) {
        return !c.baseline().equals("ok") && c.baseline().equals(c.current()) && !c.current().equals("missing");
    }

    private static String runs(List<String> ids) {
        return ids.stream().map(GateMarkdownWriter::code).collect(Collectors.joining(", "));
    }

    private static String plural(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Free text kept inside its table cell, on one line, and out of HTML (job summaries render HTML). */
    static String escape(String s) {
        return GateFormat.oneLine(s).replace("|", "\\|").replace("<", "&lt;");
    }

    /** An identifier as a code span; inside one only the table's pipe needs escaping. */
    static String code(String s) {
        return "`" + GateFormat.oneLine(s).replace("`", "'").replace("|", "\\|") + "`";
    }
}
