package dev.aipcbench.results;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite's one percentile definition agrees with NumPy's default ({@code np.percentile}, linear): the
 * expected values were printed by NumPy 2.4 for these inputs, so users get the numbers they compute
 * themselves.
 */
class SummaryTest {
    private static final double[] QUANTILES = {0, 10, 50, 90, 99, 100};

    private static void agreesWithNumpy(double[] data, double... numpy) {
        for (int i = 0; i < QUANTILES.length; i++) {
            assertEquals(numpy[i], Summary.percentile(data, QUANTILES[i]), 1e-12, "p" + QUANTILES[i] + " of " + java.util.Arrays.toString(data));
        }
    }

    @Test
    void percentilesAreNumpysLinearOnes() {
        agreesWithNumpy(new double[] {3.0}, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0);
        agreesWithNumpy(new double[] {1.0, 2.0}, 1.0, 1.1, 1.5, 1.9, 1.99, 2.0);
        agreesWithNumpy(new double[] {5.0, 1.0, 4.0, 2.0, 3.0}, 1.0, 1.4, 3.0, 4.6, 4.96, 5.0);
        agreesWithNumpy(new double[] {0.5, 9.25, 3.125, 7.0, 1.75, 2.5, 8.0, 4.5, 6.0, 10.0},
                0.5, 1.625, 5.25, 9.325, 9.932500000000001, 10.0);
    }

    @Test
    void theSummaryUsesThemAndTheSampleStandardDeviation() {
        Summary s = Summary.of(new double[] {0.5, 9.25, 3.125, 7.0, 1.75, 2.5, 8.0, 4.5, 6.0, 10.0});
        assertEquals(10, s.n());
        assertEquals(5.25, s.median(), 1e-12);
        assertEquals(9.325, s.p90(), 1e-12);
        assertEquals(3.2863617590142313, s.stddev(), 1e-12, "np.std(ddof=1)");
        assertEquals(5.2625, s.mean(), 1e-12);
        assertEquals(0.5, s.min());
        assertEquals(10.0, s.max());
    }

    @Test
    void aSliceLeavesTheArrayAsItIsAndEmptyIsNaN() {
        double[] a = {3, 1, 2, 100, 100};
        assertEquals(2.0, Summary.percentile(a, 0, 3, 50));
        assertEquals(3.0, a[0]);
        assertTrue(Double.isNaN(Summary.percentile(new double[0], 50)));
        assertEquals(0, Summary.of(new double[0]).n());
    }
}
