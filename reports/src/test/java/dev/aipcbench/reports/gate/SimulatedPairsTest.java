package dev.aipcbench.reports.gate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static dev.aipcbench.reports.gate.GateFixtures.metric;
import static dev.aipcbench.reports.gate.GateFixtures.noisy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate's error rates on simulated runs with realistic noise (3 % iteration-to-iteration), with the
 * default statistics. Seeded, so the counts are fixed; the bounds say what the gate promises.
 */
class SimulatedPairsTest {
    private final MetricGate gate = new MetricGate(GateOptions.DEFAULT_RESAMPLES, GateOptions.DEFAULT_CONFIDENCE,
            GateOptions.DEFAULT_SEED);

    private int regressions(int pairs, int forks, int iterations, double slowdown, double forkCv, long seed) {
        Random rng = new Random(seed);
        int n = 0;
        for (int i = 0; i < pairs; i++) {
            GateRow r = gate.compare("cell-" + i, "tpot_ms", List.of(metric("tpot_ms", noisy(rng, forks, iterations, 25, 0.03, forkCv))),
                    metric("tpot_ms", noisy(rng, forks, iterations, 25 * slowdown, 0.03, forkCv)), 5);
            n += r.verdict() == GateVerdict.REGRESSION ? 1 : 0;
        }
        return n;
    }

    @Test
    void aaPairsOfOneForkOfFiveIterationsRarelyFail() {
        int falseAlarms = regressions(1000, 1, 5, 1.0, 0, 601);
        assertTrue(falseAlarms <= 20, falseAlarms + " of 1000 unchanged pairs called a regression");
    }

    @Test
    void aTwoPercentSlowdownIsNotCalledARegressionWithThreeForks() {
        int called = regressions(300, 3, 5, 1.02, 0.0, 602);
        assertTrue(called <= 9, called + " of 300 pairs 2 % slower called a regression");
    }

    @Test
    void aTenPercentSlowdownIsCaughtWithTenIterations() {
        int caught = regressions(300, 1, 10, 1.10, 0, 603);
        assertTrue(caught >= 285, caught + " of 300 pairs 10 % slower caught");
    }

    @Test
    void improvementsAreNeverRegressions() {
        assertEquals(0, regressions(300, 1, 5, 0.85, 0, 604));
    }
}
