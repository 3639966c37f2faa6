package dev.aipcbench.reports.table;

import dev.aipcbench.results.RunResults;
import dev.aipcbench.reports.fixture.DerivedRuns;
import dev.aipcbench.reports.fixture.FixtureRun;
import dev.aipcbench.reports.compare.RunLabels;
import dev.aipcbench.reports.fixture.RealRunFixture;
import dev.aipcbench.reports.fixture.TwoRuntimesFixture;
import dev.aipcbench.reports.format.NumberText;
import dev.aipcbench.reports.rank.CellRanking;
import dev.aipcbench.reports.rank.MetricRanking;
import dev.aipcbench.reports.rank.RankedGroup;
import dev.aipcbench.results.MetricCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownSummaryTest {
    @Test
    void summarisesARealRunInAFewDozenLines() {
        RunResults run = RealRunFixture.run().results();
        String md = MarkdownSummary.render(List.of(run));
        assertTrue(md.startsWith("## aipc-bench results\n"), md);
        assertTrue(md.lines().count() <= 60, md.lines().count() + " lines");
        assertTrue(md.contains("| onnxruntime | cpu | int4 | generate p64 g16 |"), md);
        assertFalse(md.contains("| decode d64 |"), "sweeps are the report's charts, not the summary's rows");
        assertTrue(md.contains("**skipped** onnxruntime/npu/int4/generate-p64-g16: no NPU found"), md);
        assertTrue(md.contains("**failed** onnxruntime/cpu/fp16/generate-p64-g16"), md);
        assertTrue(md.contains("**unsupported** onnxruntime/npu/fp32/generate-p64-g16"), md);
        assertFalse(md.contains("Hardware comparison"), "one run compares nothing");
    }

    @Test
    void opensWithWhichToUseInAFewLinesNamingTheFasterRuntimeWithItsRatioAndWhatDidNotRun() {
        RunResults run = TwoRuntimesFixture.run().results();
        String md = MarkdownSummary.render(List.of(run));
        List<String> which = md.lines().dropWhile(l -> !l.equals("### Which to use")).skip(2).takeWhile(l -> !l.isEmpty()).toList();
        assertTrue(md.indexOf("### Which to use") < md.indexOf("| machine |"), "first, before the runs table");
        assertTrue(which.size() >= 2 && which.size() <= MarkdownSummary.MAX_WHICH_LINES + 1, which.toString());

        RankedGroup g = CellRanking.whichToUse(run.cells()).stream().filter(x -> x.label().equals("int4 \u00b7 generate p64 g16"))
                .findFirst().orElseThrow();
        MetricRanking decode = g.ranking(MetricCatalog.DECODE_TOK_S).orElseThrow();
        String line = which.stream().filter(l -> l.startsWith("- **int4 \u00b7 generate p64 g16**: ")).findFirst().orElseThrow();
        String winner = decode.best().contender();
        String loser = decode.runnerUp().orElseThrow().contender();
        assertTrue(line.contains("decode throughput: " + winner + " "), line);
        assertTrue(line.contains(NumberText.ratio(decode.lead()) + " better than " + loser), line);
        String notRun = which.stream().filter(l -> l.startsWith("- **int4, did not run**: ")).findFirst().orElseThrow();
        assertTrue(notRun.contains("onnxruntime \u00b7 npu: skipped (no NPU found)"), notRun);
        assertTrue(notRun.contains("llama.cpp \u00b7 npu: unsupported (llama.cpp has no NPU backend)"), notRun);
        assertTrue(md.lines().count() <= 70, md.lines().count() + " lines");
    }

    @Test
    void comparesMachinesWithOneSpeedupPerMetric() {
        FixtureRun a = RealRunFixture.run();
        FixtureRun b = DerivedRuns.otherMachine(a, "lunar-lake", "Intel(R) Core(TM) Ultra 7 268V", 2.0);
        String md = MarkdownSummary.render(List.of(a.results(), b.results()));
        assertTrue(md.contains("### Hardware comparison with "), md);
        assertTrue(md.contains("| machine | cells compared | decode\\_tok\\_s speed-up |"), md);
        String row = md.lines().filter(l -> l.startsWith("| lunar-lake |") && l.contains("\u00d7")).findFirst().orElseThrow();
        assertTrue(row.contains("2.00\u00d7"), row);
        String best = md.lines().filter(l -> l.startsWith("- **lunar-lake**: generate p16 g16: decode throughput: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no best-per-machine line: " + md));
        assertTrue(md.lines().anyMatch(l -> l.startsWith("- **" + MarkdownText.escape(RunLabels.of(List.of(a.results(), b.results())).get(0))
                + "**: generate p16 g16: ")), md);
        assertTrue(best.contains("onnxruntime \u00b7 cpu \u00b7 "), best);
        assertFalse(row.contains("0.50\u00d7"), "speed-ups count better as above 1 for latencies too: " + row);
        assertTrue(md.lines().count() <= 80, md.lines().count() + " lines");
    }

    @Test
    void namesFromResultsCannotInjectMarkup() {
        String md = MarkdownSummary.render(List.of(DerivedRuns.hostileNames(RealRunFixture.run()).results()));
        assertFalse(md.contains("<script>"), md);
        assertFalse(md.contains("<img"), md);
        assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt; &amp; 'quotes'"), md);
    }

    @Test
    void markdownTextEscapesTablesAndMarkup() {
        assertEquals("a \\| b \\_c\\_ &lt;i&gt; d", MarkdownText.escape("a | b _c_ <i>\nd"));
        assertEquals("abc\u2026", MarkdownText.firstLine("abcdef\nsecond", 4));
    }
}
