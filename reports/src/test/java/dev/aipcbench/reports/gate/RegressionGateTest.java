package dev.aipcbench.reports.gate;

import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.aipcbench.reports.gate.GateFixtures.CPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.GPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.NPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.metrics;
import static dev.aipcbench.reports.gate.GateFixtures.noisy;
import static dev.aipcbench.reports.gate.GateFixtures.ok;
import static dev.aipcbench.reports.gate.GateFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegressionGateTest {
    @TempDir
    Path tmp;

    private final Random rng = new Random(201);

    private Path write(String name, RunResults r) throws Exception {
        Path dir = tmp.resolve(name);
        new ResultsFolder(dir).write(r);
        return dir;
    }

    private GateRow row(GateReport report, String cell, String metric) {
        return report.rows().stream().filter(r -> r.cellId().equals(cell) && r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + cell + " " + metric + " in " + report.rows()));
    }

    /** tpot_ms around {@code tpot}, ttft_ms around 200 ms, both with 1 % noise. */
    private Map<String, dev.aipcbench.results.Metric> generation(double tpot) {
        return metrics("ttft_ms", noisy(rng, 2, 8, 200, 0.01), "tpot_ms", noisy(rng, 2, 8, tpot, 0.01));
    }

    @Test
    void readsTheFoldersAndFailsOnARegression() throws Exception {
        Path base = write("base", run("base", ok(CPU_CELL, generation(25))));
        Path cur = write("cur", run("cur", ok(CPU_CELL, generation(27.5))));
        GateReport report = new RegressionGate(GateOptions.of(List.of(base), cur)).run();
        assertEquals(GateVerdict.REGRESSION, row(report, CPU_CELL, "tpot_ms").verdict());
        assertEquals(GateVerdict.PASS, row(report, CPU_CELL, "ttft_ms").verdict());
        assertEquals(GateReport.EXIT_REGRESSION, report.exitCode());
        assertEquals(List.of("base"), report.settings().baselineRuns());
        assertEquals("cur", report.settings().currentRun());
    }

    @Test
    void noChangePassesWithExitZero() {
        GateReport report = new RegressionGate(GateOptions.of(List.of(Path.of("unused")), Path.of("unused")))
                .compare(List.of(run("base", ok(CPU_CELL, generation(25)))), run("cur", ok(CPU_CELL, generation(25))));
        assertEquals(GateReport.EXIT_PASS, report.exitCode());
        assertTrue(report.passed());
        assertEquals(2, report.count(GateVerdict.PASS));
    }

    @Test
    void anImprovementIsReportedAndDoesNotFail() {
        GateReport report = gate().compare(List.of(run("base", ok(CPU_CELL, generation(25)))),
                run("cur", ok(CPU_CELL, generation(21))));
        assertEquals(GateVerdict.IMPROVEMENT, row(report, CPU_CELL, "tpot_ms").verdict());
        assertEquals(GateReport.EXIT_PASS, report.exitCode());
    }

    @Test
    void pooledBaselinesContributeEveryFork() throws Exception {
        Path b1 = write("b1", run("b1", ok(CPU_CELL, generation(25))));
        Path b2 = write("b2", run("b2", ok(CPU_CELL, generation(25.2))));
        Path b3 = write("b3", run("b3", ok(CPU_CELL, generation(24.9))));
        Path cur = write("cur", run("cur", ok(CPU_CELL, generation(27.5))));
        GateReport report = new RegressionGate(GateOptions.of(List.of(b1, b2, b3), cur)).run();
        GateRow tpot = row(report, CPU_CELL, "tpot_ms");
        assertEquals(3 * 16, tpot.baselineN(), "three runs of 2 forks x 8 iterations");
        assertEquals(GateVerdict.REGRESSION, tpot.verdict());
        assertEquals(List.of("b1", "b2", "b3"), report.settings().baselineRuns());
    }

    @Test
    void aBaselineWithoutTheCellIsLeftOutOfThePool() {
        GateReport report = gate().compare(List.of(run("b1", ok(CPU_CELL, generation(25))),
                run("b2", GateFixtures.notOk(CPU_CELL, CellStatus.FAILED, "crashed"))), run("cur", ok(CPU_CELL, generation(25))));
        assertEquals(16, row(report, CPU_CELL, "tpot_ms").baselineN());
        assertTrue(report.unmatchedCells().isEmpty());
    }

    @Test
    void differentHardwareIsRefusedWithAClearMessage() throws Exception {
        Path base = write("base", run("base", "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ok(CPU_CELL, generation(25))));
        Path cur = write("cur", run("cur", "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", ok(CPU_CELL, generation(25))));
        GateInputException e = assertThrows(GateInputException.class,
                () -> new RegressionGate(GateOptions.of(List.of(base), cur)).run());
        assertEquals("results of different hardware: current " + cur + " (sha256:bbbbbbbbbbbb...) vs baseline " + base
                + " (sha256:aaaaaaaaaaaa...); pass --allow-different-hardware to compare them anyway", e.getMessage());
        assertEquals(2, GateInputException.EXIT_CODE);
    }

    @Test
    void differentHardwareIsComparedWhenAllowedAndSaysSo() {
        GateReport report = new RegressionGate(GateOptions.of(List.of(Path.of("b")), Path.of("c")).withAllowDifferentHardware(true))
                .compare(List.of(run("base", "sha256:aaaa", ok(CPU_CELL, generation(25)))),
                        run("cur", "sha256:bbbb", ok(CPU_CELL, generation(25))));
        assertEquals(2, report.rows().size());
        assertEquals(1, report.notes().size());
        assertTrue(report.notes().get(0).startsWith("results of different hardware: current cur (sha256:bbbb) vs baseline base"),
                report.notes().get(0));
    }

    @Test
    void aRunWithoutFingerprintIsNotTakenForTheSameMachine() {
        GateInputException e = assertThrows(GateInputException.class, () -> gate().compare(
                List.of(run("base", (String) null, ok(CPU_CELL, generation(25)))), run("cur", (String) null, ok(CPU_CELL, generation(25)))));
        assertTrue(e.getMessage().contains("(no host fingerprint)"), e.getMessage());
    }

    @Test
    void cellsMissingOrNotOkOnOneSideAreListed() {
        RunResults base = run("base", ok(CPU_CELL, generation(25)), ok(NPU_CELL, generation(12)),
                GateFixtures.notOk("llama.cpp/dgpu/int4/generate-p128-g32", CellStatus.SKIPPED, "no CUDA device"));
        RunResults cur = run("cur", ok(CPU_CELL, generation(25)), ok(GPU_CELL, generation(18)),
                GateFixtures.notOk("llama.cpp/dgpu/int4/generate-p128-g32", CellStatus.SKIPPED, "no CUDA device"));
        GateReport report = gate().compare(List.of(base), cur);
        assertEquals(List.of(
                new UnmatchedCell(GPU_CELL, "missing", "ok", "not in any baseline run", false),
                new UnmatchedCell("llama.cpp/dgpu/int4/generate-p128-g32", "skipped", "skipped", "no CUDA device", false),
                new UnmatchedCell(NPU_CELL, "ok", "missing", "not in the current run", false)), report.unmatchedCells());
        assertEquals(GateReport.EXIT_PASS, report.exitCode(), "missing cells are listed, not failed");
    }

    @Test
    void aCellThatFailsNowButPassedInTheBaselineFailsTheGate() {
        GateReport report = gate().compare(List.of(run("base", ok(CPU_CELL, generation(25)), ok(NPU_CELL, generation(12)))),
                run("cur", ok(CPU_CELL, generation(25)), GateFixtures.notOk(NPU_CELL, CellStatus.FAILED, "fork exited with 134")));
        assertEquals(List.of(new UnmatchedCell(NPU_CELL, "ok", "failed", "fork exited with 134", true)), report.brokenCells());
        assertEquals(GateReport.EXIT_REGRESSION, report.exitCode());
    }

    @Test
    void aCellThatPassesNowButFailedInTheBaselineIsListedOnly() {
        GateReport report = gate().compare(List.of(run("base", GateFixtures.notOk(NPU_CELL, CellStatus.FAILED, "driver hang"))),
                run("cur", ok(NPU_CELL, generation(12))));
        assertEquals(List.of(new UnmatchedCell(NPU_CELL, "failed", "ok", "driver hang", false)), report.unmatchedCells());
        // listed, not failed; but with nothing compared the gate cannot say it passed
        assertEquals(GateReport.EXIT_INCONCLUSIVE, report.exitCode());
    }

    @Test
    void aCellMeasuredWithAnotherModelIsNotCompared() {
        GateReport report = gate().compare(List.of(run("base", ok(CPU_CELL, generation(25), "phi3-tiny"))),
                run("cur", ok(CPU_CELL, generation(90), "phi3-mini")));
        assertTrue(report.rows().isEmpty());
        assertEquals(List.of(new UnmatchedCell(CPU_CELL, "ok", "ok",
                "model differs: baseline phi3-tiny (tiny), current phi3-mini (tiny)", false)), report.unmatchedCells());
    }

    @Test
    void perMetricAndPerCellThresholdsApply() {
        // 4 % slower with 1 % noise: real, but under the 5 % default
        RunResults base = run("base", ok(CPU_CELL, generation(25)), ok(NPU_CELL, generation(25)));
        RunResults cur = run("cur", ok(CPU_CELL, generation(26)), ok(NPU_CELL, generation(26)));
        assertEquals(GateVerdict.PASS, row(gate().compare(List.of(base), cur), CPU_CELL, "tpot_ms").verdict());

        GateThresholds perMetric = GateThresholds.fromProfile(Map.of("thresholds", Map.of("metrics", Map.of("tpot_ms", "2%"))));
        GateReport m = gate(perMetric).compare(List.of(base), cur);
        assertEquals(GateVerdict.REGRESSION, row(m, CPU_CELL, "tpot_ms").verdict());
        assertEquals(GateVerdict.REGRESSION, row(m, NPU_CELL, "tpot_ms").verdict());
        assertEquals(2.0, row(m, CPU_CELL, "tpot_ms").thresholdPct());

        GateThresholds perCell = GateThresholds.fromProfile(Map.of("thresholds", Map.of("metrics", Map.of("tpot_ms", "2%"),
                "cells", Map.of(NPU_CELL, Map.of("default", "8%")))));
        GateReport c = gate(perCell).compare(List.of(base), cur);
        assertEquals(GateVerdict.REGRESSION, row(c, CPU_CELL, "tpot_ms").verdict());
        assertEquals(GateVerdict.PASS, row(c, NPU_CELL, "tpot_ms").verdict());
        assertEquals(8.0, row(c, NPU_CELL, "tpot_ms").thresholdPct());
    }

    @Test
    void itlAndLoopOverheadAreNotGatedAndOneSidedMetricsHaveNoData() {
        RunResults base = run("base", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 2, 5, 25, 0.01),
                "itl_ms", noisy(rng, 1, 160, 25, 0.05), "loop_overhead_pct", noisy(rng, 1, 5, 1, 0.3),
                "energy_j", noisy(rng, 1, 5, 9, 0.01))));
        RunResults cur = run("cur", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 2, 5, 25, 0.01),
                "itl_ms", noisy(rng, 1, 160, 40, 0.05), "loop_overhead_pct", noisy(rng, 1, 5, 3, 0.3),
                "peak_rss_mb", noisy(rng, 1, 5, 800, 0.01))));
        GateReport report = gate().compare(List.of(base), cur);
        assertEquals(List.of("tpot_ms", "peak_rss_mb", "energy_j"), report.rows().stream().map(GateRow::metric).toList());
        assertEquals(GateVerdict.NO_DATA, row(report, CPU_CELL, "peak_rss_mb").verdict());
        assertEquals(GateVerdict.NO_DATA, row(report, CPU_CELL, "energy_j").verdict());
        assertEquals(GateReport.EXIT_PASS, report.exitCode());
    }

    @Test
    void oneForkRunsOrRowsWithoutDataDoNotPass() {
        RunResults base = run("base", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 1, 10, 25, 0.01))));
        RunResults same = run("cur", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 1, 10, 25, 0.01))));
        GateReport oneFork = gate().compare(List.of(base), same);
        assertEquals(GateVerdict.INCONCLUSIVE, row(oneFork, CPU_CELL, "tpot_ms").verdict());
        assertEquals(GateReport.EXIT_INCONCLUSIVE, oneFork.exitCode());
        assertTrue(oneFork.consoleLine().startsWith("gate: inconclusive (no row could be judged"), oneFork.consoleLine());

        RunResults energyOnly = run("cur2", ok(CPU_CELL, metrics("energy_j", noisy(rng, 2, 5, 9, 0.01))));
        GateReport noData = gate().compare(List.of(base), energyOnly);
        assertTrue(noData.rows().stream().allMatch(r -> r.verdict() == GateVerdict.NO_DATA), noData.rows().toString());
        assertEquals(GateReport.EXIT_INCONCLUSIVE, noData.exitCode());

        GateReport nothing = gate().compare(List.of(run("b3")), run("c3"));
        assertEquals(GateReport.EXIT_INCONCLUSIVE, nothing.exitCode());
        assertEquals("gate: inconclusive (no cell x metric both sides could compare): 0 regression(s), 0 improvement(s), 0 pass,"
                + " 0 inconclusive, 0 without data", nothing.consoleLine());
    }

    @Test
    void severalCurrentRunsArePooledLikeBaselinesAndTheirNoiseCounts() throws Exception {
        Path b1 = write("b1", run("b1", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 1, 10, 25, 0.01)))));
        Path b2 = write("b2", run("b2", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 1, 10, 25, 0.01)))));
        Path c1 = write("c1", run("c1", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 1, 10, 30, 0.01)))));
        Path c2 = write("c2", run("c2", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 1, 10, 30, 0.01)))));
        GateReport report = new RegressionGate(GateOptions.of(List.of(b1, b2), List.of(c1, c2))).run();
        GateRow r = row(report, CPU_CELL, "tpot_ms");
        assertEquals(20, r.currentN());
        assertEquals(GateVerdict.REGRESSION, r.verdict(), r.toString());
        assertTrue(r.noisePct() < 5, "four one-fork runs estimate the noise: " + r);
        assertEquals(GateReport.EXIT_REGRESSION, report.exitCode());
        assertEquals("--current " + c1 + ": run id c1 is given more than once; each current run may be pooled once",
                assertThrows(GateInputException.class, () -> new RegressionGate(GateOptions.of(List.of(b1), List.of(c1, c1))).run())
                        .getMessage());
    }

    @Test
    void anIncompleteRunIsNoted() {
        RunResults cur = run("cur", ok(CPU_CELL, generation(25))).finish(null, false);
        GateReport report = gate().compare(List.of(run("base", ok(CPU_CELL, generation(25)))), cur);
        assertTrue(report.notes().get(0).startsWith("current cur is incomplete"), report.notes().toString());
    }

    @Test
    void aRunPooledTwiceOrTheCurrentRunAsBaselineIsRefused() throws Exception {
        Path b1 = write("b1", run("b1", ok(CPU_CELL, generation(25))));
        Path copy = write("copy-of-b1", run("b1", ok(CPU_CELL, generation(25))));
        Path cur = write("cur", run("cur", ok(CPU_CELL, generation(25))));
        assertEquals("--baseline " + copy + ": run id b1 is given more than once; each baseline run may be pooled once",
                assertThrows(GateInputException.class, () -> new RegressionGate(GateOptions.of(List.of(b1, copy), cur)).run())
                        .getMessage());
        assertEquals("--baseline " + cur + " is the current run " + cur + " (run id cur); a run cannot be its own baseline",
                assertThrows(GateInputException.class, () -> new RegressionGate(GateOptions.of(List.of(b1, cur), cur)).run())
                        .getMessage());
    }

    @Test
    void unreadableInputsAreOneLineInputErrorsNamingTheFile() throws Exception {
        Path cur = write("cur", run("cur", ok(CPU_CELL, generation(25))));
        Path missing = tmp.resolve("nope");
        GateInputException e = assertThrows(GateInputException.class,
                () -> new RegressionGate(GateOptions.of(List.of(missing), cur)).run());
        assertEquals("--baseline " + missing + ": not found (expected a results folder holding results.json)",
                e.getMessage());

        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("results.json"), "{\"schema\": \"aipc-bench/results/v1\",\n \"cells\": [ {\n");
        GateInputException b = assertThrows(GateInputException.class,
                () -> new RegressionGate(GateOptions.of(List.of(cur), broken)).run());
        assertTrue(b.getMessage().startsWith("--current " + broken.resolve("results.json") + ": not valid results JSON"),
                b.getMessage());
        assertFalse(b.getMessage().contains("\n"));
    }

    private static RegressionGate gate() {
        return gate(GateThresholds.defaults());
    }

    private static RegressionGate gate(GateThresholds t) {
        return new RegressionGate(GateOptions.of(List.of(Path.of("base")), Path.of("cur")).withThresholds(t));
    }
}
