package dev.aipcbench.history.changepoint;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EDivisiveTest {

    /** {@code n} values around {@code level} with 1 % relative noise, seeded. */
    private static double[] noisy(Random r, int n, double level) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = level * (1 + 0.01 * r.nextGaussian());
        }
        return x;
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void findsAStepWhereItIsAndMeasuresIt() {
        Random r = new Random(1);
        double[] series = concat(noisy(r, 12, 100), noisy(r, 10, 80));
        List<ChangePoint> cps = EDivisive.defaults().detect(series);
        assertEquals(1, cps.size(), cps.toString());
        assertEquals(12, cps.get(0).index());
        assertEquals(-20, cps.get(0).changePct(), 2.0);
        assertTrue(cps.get(0).pValue() <= 0.05);
    }

    @Test
    void findsNothingInNoiseAlone() {
        Random r = new Random(2);
        for (int trial = 0; trial < 5; trial++) {
            assertEquals(List.of(), new EDivisive(0.01, 199, 3, trial).detect(noisy(r, 20, 50)));
        }
    }

    @Test
    void findsTwoChangesInOrder() {
        Random r = new Random(3);
        double[] series = concat(noisy(r, 8, 10), noisy(r, 8, 14), noisy(r, 8, 10));
        List<ChangePoint> cps = EDivisive.defaults().detect(series);
        assertEquals(List.of(8, 16), cps.stream().map(ChangePoint::index).toList());
        assertTrue(cps.get(0).changePct() > 30 && cps.get(1).changePct() < -20, cps.toString());
    }

    @Test
    void aSeriesTooShortToSplitHasNoChange() {
        assertEquals(List.of(), EDivisive.defaults().detect(new double[] {1, 5, 9}));
        assertEquals(List.of(), EDivisive.defaults().detect(new double[0]));
    }

    @Test
    void theSameSeriesAndSeedGiveTheSameAnswer() {
        Random r = new Random(4);
        double[] series = concat(noisy(r, 6, 100), noisy(r, 6, 90));
        assertEquals(EDivisive.defaults().detect(series), EDivisive.defaults().detect(series));
    }

    @Test
    void refusesSettingsThatCannotTest() {
        assertThrows(IllegalArgumentException.class, () -> new EDivisive(0, 199, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new EDivisive(0.05, 199, 1, 1));
    }
}
