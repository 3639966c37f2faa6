package dev.aipcbench.reports.gate;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HierarchicalBootstrapTest {

    @Test
    void resamplesForksFirstSoThatForkToForkSpreadShowsInTheMedians() {
        // two quiet forks at 10 and 20: drawing forks gives AA, AB, BA, BB, i.e. medians 10, 15, 15, 20;
        // a bootstrap over pooled iterations would almost always land near 15
        ForkedSamples s = ForkedSamples.of(new double[]{10, 10, 10, 10, 10}, new double[]{20, 20, 20, 20, 20});
        HierarchicalBootstrap b = new HierarchicalBootstrap(s);
        SplittableRandom rng = new SplittableRandom(1);
        Map<Double, Integer> counts = new HashMap<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            counts.merge(b.resampleMedian(rng), 1, Integer::sum);
        }
        assertEquals(Set.of(10.0, 15.0, 20.0), counts.keySet());
        assertEquals(0.25, counts.get(10.0) / (double) n, 0.02);
        assertEquals(0.50, counts.get(15.0) / (double) n, 0.02);
        assertEquals(0.25, counts.get(20.0) / (double) n, 0.02);
    }

    @Test
    void oneForkResamplesItsIterationsOnly() {
        ForkedSamples s = ForkedSamples.of(new double[]{1, 2, 3, 4, 5});
        HierarchicalBootstrap b = new HierarchicalBootstrap(s);
        SplittableRandom rng = new SplittableRandom(2);
        boolean varied = false;
        for (int i = 0; i < 1000; i++) {
            double m = b.resampleMedian(rng);
            assertTrue(m >= 1 && m <= 5 && m == Math.rint(m), "median of 5 draws is one of the values: " + m);
            varied |= m != 3;
        }
        assertTrue(varied);
    }

    @Test
    void oneIterationPerForkResamplesForksOnly() {
        ForkedSamples s = ForkedSamples.of(new double[]{1}, new double[]{2}, new double[]{3});
        HierarchicalBootstrap b = new HierarchicalBootstrap(s);
        SplittableRandom rng = new SplittableRandom(3);
        Map<Double, Integer> counts = new HashMap<>();
        for (int i = 0; i < 9000; i++) {
            counts.merge(b.resampleMedian(rng), 1, Integer::sum);
        }
        // median of 3 fork draws from {1,2,3}: P(1) = P(3) = 7/27, P(2) = 13/27
        assertEquals(7 / 27.0, counts.get(1.0) / 9000.0, 0.02);
        assertEquals(13 / 27.0, counts.get(2.0) / 9000.0, 0.02);
    }

    @Test
    void sameSeedSameResamples() {
        ForkedSamples s = ForkedSamples.of(GateFixtures.noisy(new java.util.Random(4), 3, 7, 25, 0.05));
        HierarchicalBootstrap a = new HierarchicalBootstrap(s);
        HierarchicalBootstrap b = new HierarchicalBootstrap(s);
        SplittableRandom ra = new SplittableRandom(99);
        SplittableRandom rb = new SplittableRandom(99);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.resampleMedian(ra), b.resampleMedian(rb));
        }
    }

    @Test
    void unevenForksAndDroppedNonFiniteSamples() {
        ForkedSamples s = ForkedSamples.of(java.util.Arrays.asList(
                java.util.Arrays.asList(1.0, Double.NaN, 3.0), java.util.Arrays.asList(Double.POSITIVE_INFINITY),
                java.util.Arrays.asList(5.0, 6.0, 7.0, 8.0, null)));
        assertEquals(2, s.forkCount(), "a fork left with no finite sample is dropped");
        assertEquals(6, s.size());
        assertEquals(3, s.dropped());
        assertEquals(5.5, s.median());
        HierarchicalBootstrap b = new HierarchicalBootstrap(s);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            double m = b.resampleMedian(rng);
            assertTrue(m >= 1 && m <= 8);
        }
    }

    @Test
    void refusesAnEmptySample() {
        assertThrows(IllegalArgumentException.class, () -> new HierarchicalBootstrap(ForkedSamples.of(java.util.List.of())));
    }
}
