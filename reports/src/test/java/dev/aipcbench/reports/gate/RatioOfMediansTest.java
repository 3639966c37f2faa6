package dev.aipcbench.reports.gate;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.aipcbench.reports.gate.GateFixtures.constant;
import static dev.aipcbench.reports.gate.GateFixtures.noisy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatioOfMediansTest {
    private final RatioOfMedians stats = new RatioOfMedians(5000, 0.95);

    @Test
    void sameDistributionGivesAnIntervalAroundOne() {
        Random rng = new Random(11);
        RatioEstimate e = stats.estimate(ForkedSamples.of(noisy(rng, 3, 10, 25, 0.02)),
                ForkedSamples.of(noisy(rng, 3, 10, 25, 0.02)), 1);
        assertTrue(e.ciLow() < 1 && e.ciHigh() > 1, e.toString());
        assertEquals(1.0, e.ratio(), 0.02);
    }

    @Test
    void tenPercentSlowerWithLowNoiseIsFarFromOne() {
        Random rng = new Random(12);
        RatioEstimate e = stats.estimate(ForkedSamples.of(noisy(rng, 3, 10, 25, 0.01)),
                ForkedSamples.of(noisy(rng, 3, 10, 27.5, 0.01)), 1);
        assertEquals(1.10, e.ratio(), 0.01);
        assertTrue(e.ciLow() > 1.07 && e.ciHigh() < 1.13, e.toString());
    }

    @Test
    void twoPercentSlowerWithHighNoiseCannotBeToldFromNoise() {
        Random rng = new Random(13);
        RatioEstimate e = stats.estimate(ForkedSamples.of(noisy(rng, 3, 10, 25, 0.10)),
                ForkedSamples.of(noisy(rng, 3, 10, 25.5, 0.10)), 1);
        assertFalse(e.excludesOne(), e.toString());
    }

    @Test
    void identicalConstantSamplesGiveTheIntervalOneToOne() {
        RatioEstimate e = stats.estimate(ForkedSamples.of(constant(2, 5, 40)), ForkedSamples.of(constant(3, 4, 40)), 1);
        assertEquals(new RatioEstimate(40, 40, 1, 1, 1, 0.95), e);
        assertFalse(e.excludesOne());
    }

    @Test
    void constantSamplesThatDifferGiveAnExactPointInterval() {
        RatioEstimate e = stats.estimate(ForkedSamples.of(constant(1, 5, 40)), ForkedSamples.of(constant(1, 5, 44)), 1);
        assertEquals(1.1, e.ratio(), 1e-12);
        assertEquals(1.1, e.ciLow(), 1e-12);
        assertEquals(1.1, e.ciHigh(), 1e-12);
    }

    @Test
    void theIntervalHoldsThePointRatioAndNarrowsWithLowerConfidence() {
        Random rng = new Random(14);
        ForkedSamples b = ForkedSamples.of(noisy(rng, 2, 8, 25, 0.05));
        ForkedSamples c = ForkedSamples.of(noisy(rng, 2, 8, 26, 0.05));
        RatioEstimate wide = new RatioOfMedians(5000, 0.99).estimate(b, c, 1);
        RatioEstimate narrow = new RatioOfMedians(5000, 0.80).estimate(b, c, 1);
        assertTrue(wide.ciLow() <= wide.ratio() && wide.ratio() <= wide.ciHigh(), wide.toString());
        assertTrue(wide.ciLow() < narrow.ciLow() && narrow.ciHigh() < wide.ciHigh());
    }

    @Test
    void deterministicForASeedAndDifferentAcrossSeeds() {
        Random rng = new Random(15);
        // an even count of samples makes medians averages, so the resampled ratios rarely tie
        ForkedSamples b = ForkedSamples.of(noisy(rng, 4, 10, 25, 0.05));
        ForkedSamples c = ForkedSamples.of(noisy(rng, 4, 10, 25, 0.05));
        assertEquals(stats.estimate(b, c, 7), stats.estimate(b, c, 7));
        assertTrue(!stats.estimate(b, c, 7).equals(stats.estimate(b, c, 8)));
    }

    @Test
    void mostlyZeroBaselineResamplesGiveAnUnboundedInterval() {
        // a resample of the baseline can draw only zeros: that ratio is infinite, not NaN
        RatioEstimate e = new RatioOfMedians(2000, 0.95).estimate(ForkedSamples.of(new double[]{0, 0, 1}),
                ForkedSamples.of(new double[]{1, 1, 1}), 3);
        assertEquals(Double.POSITIVE_INFINITY, e.ciHigh());
        assertFalse(Double.isNaN(e.ciLow()));
    }
}
