package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Summary;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedianTest {

    @Test
    void agreesWithTheSummaryMedianOnRandomArraysOfEverySmallSizeAndWithTies() {
        Random rng = new Random(7);
        for (int n = 1; n <= 60; n++) {
            for (int trial = 0; trial < 50; trial++) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    // few distinct values on odd trials: ties are what sorted iteration data looks like
                    a[i] = trial % 2 == 0 ? rng.nextGaussian() : rng.nextInt(3);
                }
                double[] sorted = a.clone();
                Arrays.sort(sorted);
                // bit for bit what results.json's summary.median says
                assertEquals(Summary.percentile(sorted, 50), Median.ofFirst(a.clone(), n), 0.0, "n=" + n);
            }
        }
    }

    @Test
    void usesOnlyTheFirstNElementsAndIsNaNWhenEmpty() {
        assertEquals(2.0, Median.ofFirst(new double[]{3, 1, 2, 100, 100}, 3));
        assertTrue(Double.isNaN(Median.ofFirst(new double[4], 0)));
    }

    @Test
    void sortedAndReversedInputs() {
        double[] up = new double[1001];
        for (int i = 0; i < up.length; i++) {
            up[i] = i;
        }
        double[] down = up.clone();
        for (int i = 0; i < down.length; i++) {
            down[i] = up[up.length - 1 - i];
        }
        assertEquals(500.0, Median.ofFirst(up, up.length));
        assertEquals(500.0, Median.ofFirst(down, down.length));
        assertEquals(4.5, Median.ofFirst(new double[]{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, 10));
    }
}
