package dev.aipcbench.reports.gate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateMarkdownWriterTest {

    private static int at(String md, String what) {
        int i = md.indexOf(what);
        assertTrue(i >= 0, "missing \"" + what + "\" in\n" + md);
        return i;
    }

    @Test
    void verdictFirstThenRegressionsImprovementsCellsAndPassesFolded() {
        String md = GateMarkdownWriter.write(GateReports.mixed());
        assertTrue(md.startsWith("## Performance gate: FAILED\n\n**1 regression, 1 cell failed that passed in the baseline,"
                + " 1 improvement, 2 passed, 1 without data, 2 cells not compared** (5 cell x metric comparisons)"), md);
        int regressions = at(md, "### Regressions");
        int improvements = at(md, "### Improvements");
        int cells = at(md, "### Cells not compared");
        int details = at(md, "<details><summary>2 passed, 1 without data</summary>");
        assertTrue(regressions < improvements && improvements < cells && cells < details);
        assertTrue(md.contains("Baseline `20260101-base` vs current `20260102-cur`."));
        assertTrue(md.contains("95% bootstrap CI of the ratio of medians"));
        assertTrue(md.contains("5000 resamples, seed 42"));
        assertTrue(md.contains("| cell | metric | baseline | current | ratio | 95% CI | noise | verdict |"));
    }

    @Test
    void aRegressionRowCarriesTheNumbersAndTheVerdict() {
        GateReport report = GateReports.mixed();
        GateRow tpot = report.rows(GateVerdict.REGRESSION).get(0);
        String md = GateMarkdownWriter.write(report);
        String line = md.lines().filter(l -> l.startsWith("| `" + GateFixtures.CPU_CELL + "` | tpot_ms |")).findFirst()
                .orElseThrow();
        assertEquals("| `" + GateFixtures.CPU_CELL + "` | tpot_ms | " + GateFormat.value(tpot.baselineMedian(), "ms")
                + " | " + GateFormat.value(tpot.currentMedian(), "ms") + " | " + GateFormat.ratio(tpot.ratio()) + " | "
                + GateFormat.interval(tpot.ciLow(), tpot.ciHigh()) + " | " + GateFormat.percent(tpot.noisePct())
                + " | **regression**: " + tpot.note() + " |", line);
        assertTrue(line.matches(".*\\| 2[45]\\.\\d\\d ms \\| 2[78]\\.\\d\\d ms \\| 1\\.\\d{3} \\(\\+\\d+\\.\\d%\\) \\| \\[1\\.\\d{3}, 1\\.\\d{3}] \\| ±\\d\\.\\d% \\|.*"), line);
    }

    @Test
    void cellsNotComparedAreTabledAndUnchangedSkipsOnlyCounted() {
        String md = GateMarkdownWriter.write(GateReports.mixed());
        assertTrue(md.contains("| `" + GateFixtures.NPU_CELL + "` | ok | **failed** | fork exited with 134 \\| SIGABRT at npu_driver.so &lt;init> |"), md);
        assertTrue(md.contains("| `" + GateReports.LOAD_CELL + "` | ok | missing | not in the current run |"));
        assertFalse(md.contains("| `" + GateReports.DGPU_CELL + "`"));
        assertTrue(md.contains("Not ok on either side: 1 skipped."));
    }

    @Test
    void aPassingGateSaysSoAndNamesWhatIsNotGated() {
        GateReport report = GateReports.mixed();
        GateReport passing = new GateReport(report.settings(), report.rows(GateVerdict.PASS), List.of(),
                List.of("results of different hardware: ..."));
        String md = GateMarkdownWriter.write(passing);
        assertTrue(md.startsWith("## Performance gate: passed\n\n**0 regressions, 0 improvements, 2 passed**"), md);
        assertFalse(md.contains("### Regressions"));
        assertTrue(md.contains("> results of different hardware: ...\n"));
        assertTrue(md.endsWith("Not gated: `itl_ms` (per-token latencies, already gated as tpot_ms), "
                + "`loop_overhead_pct` (the suite's loop overhead, a diagnostic).\n"), md);
    }

    @Test
    void pooledBaselinesAreNamed() {
        GateReport report = GateReports.mixed();
        GateSettings s = report.settings();
        GateReport pooled = new GateReport(new GateSettings(List.of("a", "b"), s.currentRun(), s.defaultThresholdPct(),
                s.confidence(), s.resamples(), s.seed()), report.rows(), report.unmatchedCells(), report.notes());
        assertTrue(GateMarkdownWriter.write(pooled).contains("Baseline `a`, `b` (forks pooled) vs current"));
    }
}
