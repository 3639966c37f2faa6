package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Metric;
import org.junit.jupiter.api.Test;

import static dev.aipcbench.reports.gate.GateVerdict.IMPROVEMENT;
import static dev.aipcbench.reports.gate.GateVerdict.PASS;
import static dev.aipcbench.reports.gate.GateVerdict.REGRESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateVerdictTest {
    private static final Metric.Better LOWER = Metric.Better.LOWER;
    private static final Metric.Better HIGHER = Metric.Better.HIGHER;

    private static RatioEstimate e(double ratio, double lo, double hi) {
        return new RatioEstimate(100, 100 * ratio, ratio, lo, hi, 0.95);
    }

    @Test
    void latencyUpIsARegressionAndDownAnImprovement() {
        assertEquals(REGRESSION, GateVerdict.of(e(1.10, 1.07, 1.13), LOWER, 5));
        assertEquals(IMPROVEMENT, GateVerdict.of(e(0.90, 0.87, 0.93), LOWER, 5));
    }

    @Test
    void throughputDownIsARegressionAndUpAnImprovement() {
        assertEquals(REGRESSION, GateVerdict.of(e(0.90, 0.87, 0.93), HIGHER, 5));
        assertEquals(IMPROVEMENT, GateVerdict.of(e(1.10, 1.07, 1.13), HIGHER, 5));
    }

    @Test
    void beyondTheThresholdButTheIntervalHoldsOneIsNoVerdict() {
        assertEquals(PASS, GateVerdict.of(e(1.10, 0.98, 1.25), LOWER, 5));
        assertEquals(PASS, GateVerdict.of(e(0.90, 0.80, 1.01), HIGHER, 5));
    }

    @Test
    void aRealChangeBelowTheThresholdPasses() {
        assertEquals(PASS, GateVerdict.of(e(1.03, 1.02, 1.04), LOWER, 5));
        assertEquals(REGRESSION, GateVerdict.of(e(1.03, 1.02, 1.04), LOWER, 2));
        assertEquals(REGRESSION, GateVerdict.of(e(1.03, 1.02, 1.04), LOWER, 0));
    }

    @Test
    void exactlyTheThresholdDoesNotExceedIt() {
        double r = 1.05 * 25.3 / 25.3;
        assertEquals(PASS, GateVerdict.of(e(r, r, r), LOWER, 5));
        assertEquals(PASS, GateVerdict.of(e(0.95, 0.95, 0.95), HIGHER, 5));
        assertEquals(REGRESSION, GateVerdict.of(e(1.0501, 1.0501, 1.0501), LOWER, 5));
    }

    @Test
    void onlyRegressionsFail() {
        assertTrue(REGRESSION.fails());
        for (GateVerdict v : new GateVerdict[]{PASS, IMPROVEMENT, GateVerdict.NO_DATA}) {
            assertFalse(v.fails());
        }
        assertEquals("no data", GateVerdict.NO_DATA.label());
    }
}
