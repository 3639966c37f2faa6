package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Metric;
import org.junit.jupiter.api.Test;

import static dev.aipcbench.reports.gate.GateVerdict.IMPROVEMENT;
import static dev.aipcbench.reports.gate.GateVerdict.INCONCLUSIVE;
import static dev.aipcbench.reports.gate.GateVerdict.PASS;
import static dev.aipcbench.reports.gate.GateVerdict.REGRESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateVerdictTest {
    private static final Metric.Better LOWER = Metric.Better.LOWER;
    private static final Metric.Better HIGHER = Metric.Better.HIGHER;

    /** Noise well below every threshold used here: the threshold alone decides. */
    private static final NoiseFloor QUIET = new NoiseFloor(0.0, 4);

    private static RatioEstimate e(double ratio, double lo, double hi) {
        return new RatioEstimate(100, 100 * ratio, ratio, lo, hi, 0.95);
    }

    @Test
    void latencyUpIsARegressionAndDownAnImprovement() {
        assertEquals(REGRESSION, GateVerdict.of(e(1.10, 1.07, 1.13), LOWER, 5, QUIET));
        assertEquals(IMPROVEMENT, GateVerdict.of(e(0.90, 0.87, 0.93), LOWER, 5, QUIET));
    }

    @Test
    void throughputDownIsARegressionAndUpAnImprovement() {
        assertEquals(REGRESSION, GateVerdict.of(e(0.90, 0.87, 0.93), HIGHER, 5, QUIET));
        assertEquals(IMPROVEMENT, GateVerdict.of(e(1.10, 1.07, 1.13), HIGHER, 5, QUIET));
    }

    @Test
    void beyondTheThresholdButTheIntervalHoldsOneIsNoVerdict() {
        assertEquals(PASS, GateVerdict.of(e(1.10, 0.98, 1.25), LOWER, 5, QUIET));
        assertEquals(PASS, GateVerdict.of(e(0.90, 0.80, 1.01), HIGHER, 5, QUIET));
    }

    @Test
    void aRealChangeBelowTheThresholdPasses() {
        assertEquals(PASS, GateVerdict.of(e(1.03, 1.02, 1.04), LOWER, 5, QUIET));
        assertEquals(REGRESSION, GateVerdict.of(e(1.03, 1.02, 1.04), LOWER, 2, QUIET));
        assertEquals(REGRESSION, GateVerdict.of(e(1.03, 1.02, 1.04), LOWER, 0, QUIET));
    }

    @Test
    void exactlyTheThresholdDoesNotExceedIt() {
        double r = 1.05 * 25.3 / 25.3;
        assertEquals(PASS, GateVerdict.of(e(r, r, r), LOWER, 5, QUIET));
        assertEquals(PASS, GateVerdict.of(e(0.95, 0.95, 0.95), HIGHER, 5, QUIET));
        assertEquals(REGRESSION, GateVerdict.of(e(1.0501, 1.0501, 1.0501), LOWER, 5, QUIET));
    }

    @Test
    void noiseAboveTheThresholdCannotPassButAChangeBeyondTheNoiseIsStillCalled() {
        NoiseFloor noisy = new NoiseFloor(12.0, 4);
        assertEquals(INCONCLUSIVE, GateVerdict.of(e(1.00, 0.97, 1.03), LOWER, 5, noisy), "no change, but 12 % noise hides 5 %");
        assertEquals(INCONCLUSIVE, GateVerdict.of(e(1.10, 1.07, 1.13), LOWER, 5, noisy), "10 % worse is within the noise");
        assertEquals(REGRESSION, GateVerdict.of(e(1.20, 1.15, 1.25), LOWER, 5, noisy), "20 % worse is beyond it");
        assertEquals(IMPROVEMENT, GateVerdict.of(e(1.20, 1.15, 1.25), HIGHER, 5, noisy));
        assertEquals(PASS, GateVerdict.of(e(1.00, 0.97, 1.03), LOWER, 15, noisy), "noise below a 15 % threshold");
    }

    @Test
    void unknownNoiseJudgesNothing() {
        NoiseFloor unknown = new NoiseFloor(Double.NaN, 2);
        assertEquals(INCONCLUSIVE, GateVerdict.of(e(2.0, 1.9, 2.1), LOWER, 5, unknown));
        assertEquals(INCONCLUSIVE, GateVerdict.of(e(1.0, 0.99, 1.01), LOWER, 5, unknown));
        assertFalse(INCONCLUSIVE.judged());
    }

    @Test
    void onlyRegressionsFail() {
        assertTrue(REGRESSION.fails());
        for (GateVerdict v : new GateVerdict[]{PASS, IMPROVEMENT, INCONCLUSIVE, GateVerdict.NO_DATA}) {
            assertFalse(v.fails());
        }
        assertEquals("no data", GateVerdict.NO_DATA.label());
    }
}
