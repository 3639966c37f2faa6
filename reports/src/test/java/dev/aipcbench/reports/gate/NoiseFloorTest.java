package dev.aipcbench.reports.gate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoiseFloorTest {

    @Test
    void forksThatAgreeGiveNoNoiseAndASpreadFork() {
        ForkedSamples steady = ForkedSamples.of(new double[]{10, 10.2, 9.8}, new double[]{10, 10.1, 9.9});
        assertEquals(0.0, NoiseFloor.of(steady, steady, 0.95).pct(), 1e-12);

        // fork medians 9 and 11 on each side: relative deviations ±0.1, s = sqrt(4 * 0.01 / 2),
        // floor = 1.96 * s * sqrt(1/2 + 1/2)
        ForkedSamples spread = ForkedSamples.of(new double[]{9, 9, 9}, new double[]{11, 11, 11});
        NoiseFloor n = NoiseFloor.of(spread, spread, 0.95);
        assertEquals(100 * 1.959964 * Math.sqrt(0.02), n.pct(), 1e-4);
        assertEquals(4, n.forks());
        assertTrue(n.above(5) && !n.above(30));
        assertEquals("noise 27.7% (4 forks)", n.describe());
    }

    @Test
    void aShiftBetweenTheSidesIsNotNoise() {
        ForkedSamples base = ForkedSamples.of(new double[]{10}, new double[]{10});
        ForkedSamples slower = ForkedSamples.of(new double[]{20}, new double[]{20});
        assertEquals(0.0, NoiseFloor.of(base, slower, 0.95).pct(), 1e-12);
    }

    @Test
    void oneForkASideLeavesTheNoiseUnknown() {
        ForkedSamples one = ForkedSamples.of(new double[]{10, 11, 12, 10, 11});
        NoiseFloor n = NoiseFloor.of(one, one, 0.95);
        assertFalse(n.known());
        assertTrue(n.above(1000));
        assertEquals("run-to-run noise unknown: 2 forks in all (needs 3 or more: jmh.forks >= 2)", n.describe());
        assertTrue(NoiseFloor.of(ForkedSamples.of(new double[]{10}, new double[]{11}), one, 0.95).known(),
                "two baseline forks (or two pooled one-fork runs) estimate it");
    }
}
