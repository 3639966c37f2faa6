package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.aipcbench.reports.gate.GateFixtures.CPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.constant;
import static dev.aipcbench.reports.gate.GateFixtures.metric;
import static dev.aipcbench.reports.gate.GateFixtures.noisy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's known answers on generated samples, with the default statistics (5000 resamples, 95 %, seed 42). */
class MetricGateTest {
    private final MetricGate gate = new MetricGate(GateOptions.DEFAULT_RESAMPLES, GateOptions.DEFAULT_CONFIDENCE,
            GateOptions.DEFAULT_SEED);

    private GateRow compare(String name, double[][] base, double[][] cur) {
        return gate.compare(CPU_CELL, name, List.of(metric(name, base)), metric(name, cur), 5);
    }

    @Test
    void noChangePasses() {
        Random rng = new Random(101);
        GateRow r = compare("tpot_ms", noisy(rng, 3, 10, 25, 0.02), noisy(rng, 3, 10, 25, 0.02));
        assertEquals(GateVerdict.PASS, r.verdict(), r.toString());
    }

    @Test
    void tenPercentSlowerWithLowNoiseIsARegression() {
        Random rng = new Random(102);
        GateRow r = compare("tpot_ms", noisy(rng, 3, 10, 25, 0.01), noisy(rng, 3, 10, 27.5, 0.01));
        assertEquals(GateVerdict.REGRESSION, r.verdict(), r.toString());
        assertEquals(10, r.worsePct(), 1.5);
        assertTrue(r.note().endsWith("worse (threshold 5%)"), r.note());
    }

    @Test
    void twoPercentSlowerWithHighNoiseIsInconclusiveNotARegressionNorAPass() {
        Random rng = new Random(103);
        GateRow r = compare("tpot_ms", noisy(rng, 3, 10, 25, 0.10), noisy(rng, 3, 10, 25.5, 0.10));
        assertEquals(GateVerdict.INCONCLUSIVE, r.verdict(), r.toString());
        assertTrue(r.noisePct() > 5, r.toString());
        assertTrue(r.note().contains("within the noise") && r.note().contains("above the threshold 5%"), r.note());
    }

    @Test
    void throughputTenPercentLowerIsARegressionAndHigherAnImprovement() {
        Random rng = new Random(104);
        assertEquals(GateVerdict.REGRESSION,
                compare("decode_tok_s", noisy(rng, 3, 10, 40, 0.01), noisy(rng, 3, 10, 36, 0.01)).verdict());
        GateRow up = compare("decode_tok_s", noisy(rng, 3, 10, 40, 0.01), noisy(rng, 3, 10, 44, 0.01));
        assertEquals(GateVerdict.IMPROVEMENT, up.verdict());
        assertTrue(up.note().endsWith("better (threshold 5%)"), up.note());
    }

    @Test
    void fasterLatencyIsAnImprovementNotAFailure() {
        Random rng = new Random(105);
        GateRow r = compare("ttft_ms", noisy(rng, 3, 10, 200, 0.01), noisy(rng, 3, 10, 170, 0.01));
        assertEquals(GateVerdict.IMPROVEMENT, r.verdict());
        assertEquals(-15, r.worsePct(), 1.5);
    }

    @Test
    void beyondTheThresholdButWithinNoiseIsNotARegression() {
        // 9 % slower on paper, but three iterations of 25 % noise per fork cannot tell; the forks agree (noise below 5 %)
        GateRow r = compare("tpot_ms", new double[][]{{20, 25, 31}, {21, 26, 30}}, new double[][]{{22, 27.5, 34}, {23, 28, 33}});
        assertEquals(27.75 / 25.5, r.ratio(), 1e-9);
        assertTrue(r.noisePct() < 5, r.toString());
        assertTrue(r.ciLow() < 1, r.toString());
        assertEquals(GateVerdict.PASS, r.verdict());
        assertEquals("beyond 5% but the CI includes 1 (noise)", r.note());
    }

    @Test
    void identicalConstantSamplesPassWithTheIntervalOneToOne() {
        GateRow r = compare("peak_rss_mb", constant(2, 3, 812), constant(2, 3, 812));
        assertEquals(GateVerdict.PASS, r.verdict());
        assertEquals(1.0, r.ciLow());
        assertEquals(1.0, r.ciHigh());
        assertEquals("", r.note());
    }

    @Test
    void oneIterationPerForkAndUnevenShapesGetVerdictsAndOneForkASideIsInconclusive() {
        Random rng = new Random(106);
        GateRow oneFork = compare("tpot_ms", noisy(rng, 1, 10, 25, 0.01), noisy(rng, 1, 10, 28, 0.01));
        assertEquals(GateVerdict.INCONCLUSIVE, oneFork.verdict(), "12 % slower, but one fork a side shows no run-to-run noise");
        assertEquals("run-to-run noise unknown: 2 forks in all (needs 3 or more: jmh.forks >= 2)", oneFork.note());
        assertEquals(GateVerdict.REGRESSION, compare("load_ms", noisy(rng, 10, 1, 900, 0.01), noisy(rng, 10, 1, 1000, 0.01)).verdict());
        assertEquals(GateVerdict.PASS, compare("load_ms", noisy(rng, 5, 1, 900, 0.01), noisy(rng, 2, 4, 900, 0.01)).verdict());
    }

    @Test
    void pooledBaselinesJoinTheirForks() {
        Random rng = new Random(107);
        Metric a = metric("tpot_ms", noisy(rng, 1, 10, 25, 0.01));
        Metric b = metric("tpot_ms", noisy(rng, 1, 10, 25, 0.01));
        GateRow r = gate.compare(CPU_CELL, "tpot_ms", List.of(a, b), metric("tpot_ms", noisy(rng, 1, 10, 27.5, 0.01)), 5);
        assertEquals(20, r.baselineN());
        assertEquals(GateVerdict.REGRESSION, r.verdict());
    }

    @Test
    void aMetricMissingOnOneSideHasNoData() {
        Metric m = metric("energy_j", constant(1, 3, 12));
        GateRow noBase = gate.compare(CPU_CELL, "energy_j", List.of(), m, 5);
        GateRow noCur = gate.compare(CPU_CELL, "energy_j", List.of(m), null, 5);
        assertEquals(GateVerdict.NO_DATA, noBase.verdict());
        assertEquals("absent in the baseline", noBase.note());
        assertEquals(m.unit(), noBase.unit());
        assertEquals(12.0, noBase.currentMedian());
        assertTrue(Double.isNaN(noBase.baselineMedian()));
        assertEquals("absent in the current run", noCur.note());
    }

    @Test
    void tooFewOrNonPositiveSamplesHaveNoData() {
        GateRow one = compare("load_ms", new double[][]{{900}}, new double[][]{{990}});
        assertEquals(GateVerdict.NO_DATA, one.verdict());
        assertEquals("needs at least 2 finite samples per side (baseline 1, current 1)", one.note());
        GateRow zero = compare("energy_j", constant(1, 4, 0), constant(1, 4, 0));
        assertEquals(GateVerdict.NO_DATA, zero.verdict());
        assertTrue(zero.note().startsWith("median is not positive"), zero.note());
    }

    @Test
    void nanSamplesAreDroppedAndCounted() {
        double[][] cur = noisy(new Random(108), 2, 10, 25, 0.01);
        Metric withNaN = Metric.of("ms", Metric.Better.LOWER, List.of(Arrays.asList(cur[0][0], Double.NaN, cur[0][2],
                cur[0][3], Double.NaN, cur[0][5]), Arrays.stream(cur[1]).boxed().toList()));
        GateRow r = gate.compare(CPU_CELL, "tpot_ms", List.of(metric("tpot_ms", cur)), withNaN, 5);
        assertEquals(14, r.currentN());
        assertEquals(GateVerdict.PASS, r.verdict());
        assertTrue(r.note().endsWith("2 NaN/infinite samples ignored"), r.note());
    }

    @Test
    void aMetricWithoutDirectionTakesItFromItsName() {
        Metric noDirection = new Metric(null, null, List.of(List.of(40.0, 40.2, 39.9), List.of(40.1, 39.8, 40.0)), null);
        Metric slower = new Metric(null, null, List.of(List.of(30.0, 30.1, 29.9), List.of(29.8, 30.2, 30.0)), null);
        GateRow r = gate.compare(CPU_CELL, MetricCatalog.DECODE_TOK_S.name(), List.of(noDirection), slower, 5);
        assertEquals(Metric.Better.HIGHER, r.better());
        assertEquals("tok/s", r.unit());
        assertEquals(GateVerdict.REGRESSION, r.verdict());
    }

    @Test
    void theSameInputGivesTheSameRowWhateverElseWasCompared() {
        Random rng = new Random(109);
        double[][] b = noisy(rng, 2, 5, 25, 0.03);
        double[][] c = noisy(rng, 2, 5, 25, 0.03);
        compare("ttft_ms", b, c);
        assertEquals(compare("tpot_ms", b, c), new MetricGate(5000, 0.95, 42).compare(CPU_CELL, "tpot_ms",
                List.of(metric("tpot_ms", b)), metric("tpot_ms", c), 5));
    }
}
