package dev.aipcbench.reports.rank;

import dev.aipcbench.reports.fixture.RealRunFixture;
import dev.aipcbench.reports.fixture.TwoRuntimesFixture;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.MetricDefinition;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.Summary;
import dev.aipcbench.results.Workload;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ranking on a real run of ONNX Runtime and llama.cpp on the same weights; expectations recomputed from the raw samples. */
class CellRankingTest {
    private static final Workload.Generate P64 = new Workload.Generate(64, 16);

    private static RunResults run() {
        return TwoRuntimesFixture.run().results();
    }

    private static CellResult cell(String runtime, String device, String precision, Workload w) {
        return run().cell(CellResult.id(runtime, device, precision, w)).orElseThrow();
    }

    /** The median of the raw samples, as the suite defines it, without the reports' code. */
    private static double median(CellResult c, MetricDefinition m) {
        return Summary.median(c.metrics().get(m.name()).allSamples());
    }

    @Test
    void whichToUseRanksEveryRuntimeAndDevicePerPrecisionAndWorkloadTheWayTheCatalogSaysIsBetter() {
        RankedGroup int4 = CellRanking.whichToUse(run().cells()).stream()
                .filter(g -> g.label().equals("int4 \u00b7 generate p64 g16")).findFirst().orElseThrow();
        for (MetricDefinition m : List.of(MetricCatalog.DECODE_TOK_S, MetricCatalog.TTFT_MS)) {
            MetricRanking r = int4.ranking(m).orElseThrow();
            CellResult ort = cell("onnxruntime", "cpu", "int4", P64);
            CellResult llama = cell("llama.cpp", "cpu", "int4", P64);
            double o = median(ort, m);
            double l = median(llama, m);
            boolean ortBetter = m.better() == Metric.Better.HIGHER ? o > l : o < l;
            assertEquals(List.of(ortBetter ? "onnxruntime \u00b7 cpu" : "llama.cpp \u00b7 cpu", ortBetter ? "llama.cpp \u00b7 cpu" : "onnxruntime \u00b7 cpu"),
                    r.placings().stream().map(MetricRanking.Placing::contender).toList(), m.name());
            // the best's throughput over the other's, or the other's latency over the best's: the larger over the smaller
            double expected = Math.max(o, l) / Math.min(o, l);
            assertEquals(expected, r.lead(), 1e-9 * expected, m.name());
            assertTrue(r.lead() >= 1, "the best leads by a factor of at least 1");
            assertEquals(1.0, r.timesBetterThan(r.best()), 0);
        }
        assertTrue(int4.ranking(MetricCatalog.ENERGY_J_PER_TOKEN).isEmpty(), "no energy counter measured here: no ranking");
    }

    @Test
    void whatDidNotRunIsNamedPerContenderWithTheHeadlineOfItsReason() {
        WhichToUse.AtPrecision int4 = WhichToUse.of(run().cells()).precisions().stream()
                .filter(p -> p.precision().equals("int4")).findFirst().orElseThrow();
        CellResult npu = cell("onnxruntime", "npu", "int4", P64);
        assertEquals(CellStatus.SKIPPED, npu.status());
        assertTrue(npu.reason().startsWith("no NPU found: "), npu.reason());
        String text = int4.notRunText();
        assertTrue(text.contains("onnxruntime \u00b7 npu: skipped (no NPU found) for generate p64 g16"), text);
        assertTrue(text.contains("llama.cpp \u00b7 npu: unsupported (llama.cpp has no NPU backend) for generate p64 g16"), text);
        assertTrue(text.contains("onnxruntime \u00b7 igpu: skipped (no integrated GPU found)"), text);
        assertFalse(text.contains("ORT EP devices"), "the headline, not the search: " + text);
    }

    @Test
    void sideBySideGroupsHoldDeviceAndPrecisionSoOnlyRuntimesCompete() {
        CellRanking byRuntime = CellRanking.holding(CellField.DEVICE, CellField.PRECISION);
        assertEquals(Set.of(CellField.RUNTIME), byRuntime.contenders());
        List<RankedGroup> groups = byRuntime.rank(run().cells(), List.of(MetricCatalog.TPOT_MS));
        RankedGroup decode = groups.stream().filter(g -> g.label().equals("cpu \u00b7 fp32 \u00b7 decode d64")).findFirst().orElseThrow();
        MetricRanking tpot = decode.ranking(MetricCatalog.TPOT_MS).orElseThrow();
        assertEquals(2, tpot.placings().size());
        assertEquals(tpot.placings().stream().map(MetricRanking.Placing::median).sorted().toList(),
                tpot.placings().stream().map(MetricRanking.Placing::median).toList(), "lower TPOT first");
        assertTrue(groups.stream().allMatch(g -> g.cells().stream().map(CellResult::device).distinct().count() == 1
                && g.cells().stream().map(CellResult::workload).distinct().count() == 1));

        CellRanking byDevice = CellRanking.holding(CellField.RUNTIME, CellField.PRECISION);
        assertEquals(Set.of(CellField.DEVICE), byDevice.contenders());
        RankedGroup ort = byDevice.rank(run().cells(), CellRanking.WHICH_TO_USE).stream()
                .filter(g -> g.label().equals("onnxruntime \u00b7 int4 \u00b7 generate p64 g16")).findFirst().orElseThrow();
        assertEquals(List.of("cpu"), ort.ranking(MetricCatalog.DECODE_TOK_S).orElseThrow().placings().stream()
                .map(MetricRanking.Placing::contender).toList(), "only the CPU ran");
        assertEquals(List.of("npu", "igpu"), ort.notRun().stream().map(NotRun::contender).sorted(Comparator.reverseOrder()).toList());
    }

    @Test
    void aMachinesBestIsItsFirstGenerationWithEveryRuntimeDeviceAndPrecisionCompeting() {
        RankedGroup best = CellRanking.bestOfMachine(run().cells()).orElseThrow();
        assertEquals("generate p16 g16", best.label());
        MetricRanking decode = best.ranking(MetricCatalog.DECODE_TOK_S).orElseThrow();
        assertEquals(4, decode.placings().size(), "2 runtimes x 2 precisions on the CPU");
        double top = run().cells().stream().filter(c -> c.ok() && new Workload.Generate(16, 16).equals(c.workload()))
                .mapToDouble(c -> median(c, MetricCatalog.DECODE_TOK_S)).max().orElseThrow();
        assertEquals(top, decode.best().median(), 0);
        assertTrue(RankingText.best(best).startsWith("generate p16 g16: decode throughput: " + decode.best().contender() + " "),
                RankingText.best(best));
    }

    @Test
    void reasonHeadlinesKeepThePhraseBeforeTheSearchAndWholeShortReasons() {
        RunResults ort = RealRunFixture.run().results();
        CellResult failed = ort.cells().stream().filter(c -> c.status() == CellStatus.FAILED).findFirst().orElseThrow();
        String headline = ReasonText.headline(failed.reason());
        assertTrue(headline.length() <= ReasonText.MAX, headline);
        assertTrue(failed.reason().startsWith(headline.replace("\u2026", "")), headline + " / " + failed.reason());
        assertEquals("llama.cpp has no NPU backend", ReasonText.headline(cell("llama.cpp", "npu", "int4", P64).reason()));
        assertEquals("no reason given", ReasonText.headline(null));
    }

    @Test
    void aRankingAcrossWorkloadsIsRefused() {
        assertTrue(CellRanking.holding().fixed().contains(CellField.WORKLOAD), "the workload is always held");
        assertThrows(IllegalArgumentException.class, () -> new MetricRanking(MetricCatalog.TTFT_MS, List.of()));
    }
}
