package dev.aipcbench.reports.gate;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    /** Verdict counts of {@code pairs} simulated pairs, the current side {@code slowdown} times slower. */
    private Map<GateVerdict, Integer> verdicts(int pairs, int forks, int iterations, double slowdown, double forkCv, long seed) {
        Random rng = new Random(seed);
        Map<GateVerdict, Integer> n = new EnumMap<>(GateVerdict.class);
        for (int i = 0; i < pairs; i++) {
            GateRow r = gate.compare("cell-" + i, "tpot_ms", List.of(metric("tpot_ms", noisy(rng, forks, iterations, 25, 0.03, forkCv))),
                    metric("tpot_ms", noisy(rng, forks, iterations, 25 * slowdown, 0.03, forkCv)), 5);
            n.merge(r.verdict(), 1, Integer::sum);
        }
        return n;
    }

    private static int count(Map<GateVerdict, Integer> n, GateVerdict v) {
        return n.getOrDefault(v, 0);
    }

    @Test
    void aaPairsOfTwoForksRarelyFailAndMostlyPass() {
        // forks 1.5 % apart (process to process), iterations 3 %: a quiet machine
        Map<GateVerdict, Integer> n = verdicts(1000, 2, 5, 1.0, 0.015, 601);
        assertTrue(count(n, GateVerdict.REGRESSION) <= 20, n + " of 1000 unchanged pairs");
        assertTrue(count(n, GateVerdict.PASS) >= 700, n + " of 1000 unchanged pairs");
    }

    @Test
    void aTwoPercentSlowdownIsNotCalledARegressionWithThreeForks() {
        Map<GateVerdict, Integer> n = verdicts(300, 3, 5, 1.02, 0.0, 602);
        assertTrue(count(n, GateVerdict.REGRESSION) <= 9, n + " of 300 pairs 2 % slower");
    }

    @Test
    void aTwentyPercentSlowdownIsCaughtWithTwoForksOnANoisyMachine() {
        // forks 3 % apart: the noise floor sits near the 5 % threshold, often above it
        Map<GateVerdict, Integer> n = verdicts(300, 2, 10, 1.20, 0.03, 603);
        assertTrue(count(n, GateVerdict.REGRESSION) >= 285, n + " of 300 pairs 20 % slower");
    }

    @Test
    void oneForkRunsNeverPassNorFail() {
        Map<GateVerdict, Integer> same = verdicts(100, 1, 10, 1.0, 0, 605);
        Map<GateVerdict, Integer> slower = verdicts(100, 1, 10, 1.5, 0, 606);
        assertEquals(Map.of(GateVerdict.INCONCLUSIVE, 100), same);
        assertEquals(Map.of(GateVerdict.INCONCLUSIVE, 100), slower);
    }

    @Test
    void improvementsAreNeverRegressions() {
        assertEquals(0, count(verdicts(300, 2, 5, 0.85, 0.01, 604), GateVerdict.REGRESSION));
    }
}
