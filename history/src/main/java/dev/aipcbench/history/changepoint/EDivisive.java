package dev.aipcbench.history.changepoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * E-divisive means (Matteson and James, "A Nonparametric Approach for Multiple Change Point Analysis of
 * Multivariate Data", JASA 2014), the change-point detector of MongoDB's performance CI and Apache Otava
 * (formerly Hunter), for one series: bisect where the energy distance between the two sides, scaled by
 * their sizes, is largest; keep the split when a permutation test finds it significant; repeat inside the
 * segments until no significant split is left.
 *
 * <p>For sides X (size m) and Y (size n) the statistic is
 * {@code q = m n / (m + n) * (2/(m n) sum|x - y|^a - 1/C(m,2) sum|x - x'|^a - 1/C(n,2) sum|y - y'|^a)}, with
 * {@code a} in (0, 2) (1 here, as both tools use), X the points before the split and Y those from it up to
 * a second index kappa, both chosen to maximise q. Its significance: the share of {@code permutations}
 * random reorderings of the segment whose best split scores at least as high (with the usual +1 in
 * numerator and denominator), against {@code alpha}. No maintained Java library implements it; this class is
 * small and tested against series with known changes.
 */
public final class EDivisive {
    private final double alpha;
    private final int permutations;
    private final int minSize;
    private final long seed;

    /**
     * @param alpha        significance level of the permutation test, e.g. 0.05
     * @param permutations random permutations per tested split, e.g. 199
     * @param minSize      fewest points on either side of a split (at least 2: a side of one has no spread)
     * @param seed         seed of the permutations, so a history always gives the same change points
     */
    public EDivisive(double alpha, int permutations, int minSize, long seed) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0, 1), got " + alpha);
        }
        if (permutations < 1 || minSize < 2) {
            throw new IllegalArgumentException("permutations must be positive and minSize at least 2");
        }
        this.alpha = alpha;
        this.permutations = permutations;
        this.minSize = minSize;
        this.seed = seed;
    }

    /** The defaults: alpha 0.05, 199 permutations, sides of at least 2 points, seed 42. */
    public static EDivisive defaults() {
        return new EDivisive(0.05, 199, 2, 42L);
    }

    /** The significant change points of {@code series}, in order of position. */
    public List<ChangePoint> detect(double[] series) {
        List<Integer> cuts = new ArrayList<>(List.of(0, series.length));
        List<double[]> tested = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        while (true) {
            // the best split of every segment; the strongest of them is tested next
            int bestSegment = -1;
            Split best = null;
            for (int s = 0; s + 1 < cuts.size(); s++) {
                Split split = bestSplit(series, cuts.get(s), cuts.get(s + 1));
                if (split != null && (best == null || split.q > best.q)) {
                    best = split;
                    bestSegment = s;
                }
            }
            if (best == null) {
                break;
            }
            double p = pValue(series, cuts.get(bestSegment), cuts.get(bestSegment + 1), best.q, random);
            if (p > alpha) {
                break;
            }
            cuts.add(bestSegment + 1, best.tau);
            tested.add(new double[] {best.tau, best.q, p});
        }
        List<ChangePoint> points = new ArrayList<>();
        for (int i = 1; i + 1 < cuts.size(); i++) {
            int tau = cuts.get(i);
            double[] t = tested.stream().filter(x -> (int) x[0] == tau).findFirst().orElseThrow();
            points.add(new ChangePoint(tau, mean(series, cuts.get(i - 1), tau), mean(series, tau, cuts.get(i + 1)), t[1], t[2]));
        }
        return points;
    }

    private record Split(int tau, double q) {
    }

    /** The split of {@code [start, end)} with the largest statistic, or null when the segment is too short to split. */
    Split bestSplit(double[] x, int start, int end) {
        int n = end - start;
        if (n < 2 * minSize) {
            return null;
        }
        double[][] prefix = prefixSums(x, start, end);
        Split best = null;
        // Y runs from tau to kappa, not always to the segment's end: a step up and back down again (A B A) is
        // found, where a split against the whole rest would see A on both sides (Matteson and James's kappa)
        for (int tau = minSize; tau <= n - minSize; tau++) {
            for (int kappa = tau + minSize; kappa <= n; kappa++) {
                double q = statistic(prefix, tau, kappa);
                if (best == null || q > best.q) {
                    best = new Split(start + tau, q);
                }
            }
        }
        return best;
    }

    /** The permutation test's p-value of statistic {@code q} for the segment. */
    private double pValue(double[] x, int start, int end, double q, SplittableRandom random) {
        double[] segment = Arrays.copyOfRange(x, start, end);
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            shuffle(segment, random);
            Split s = bestSplit(segment, 0, segment.length);
            if (s.q >= q - 1e-12 * Math.abs(q)) {
                atLeast++;
            }
        }
        return (atLeast + 1.0) / (permutations + 1.0);
    }

    /** 2-D prefix sums of the distance matrix |x_i - x_j| over the segment, for O(1) block sums. */
    private static double[][] prefixSums(double[] x, int start, int end) {
        int n = end - start;
        double[][] p = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i + 1][j + 1] = Math.abs(x[start + i] - x[start + j]) + p[i][j + 1] + p[i + 1][j] - p[i][j];
            }
        }
        return p;
    }

    private static double block(double[][] p, int r0, int r1, int c0, int c1) {
        return p[r1][c1] - p[r0][c1] - p[r1][c0] + p[r0][c0];
    }

    /** The scaled energy distance of X = [0, tau) and Y = [tau, kappa) of the segment. */
    private static double statistic(double[][] p, int tau, int kappa) {
        int m = tau;
        int k = kappa - tau;
        double between = block(p, 0, m, m, kappa) / ((double) m * k);
        // each unordered pair counted twice in the block: sum over i<j is half of it
        double withinX = block(p, 0, m, 0, m) / 2.0 / (m * (m - 1) / 2.0);
        double withinY = block(p, m, kappa, m, kappa) / 2.0 / (k * (k - 1) / 2.0);
        return (double) m * k / (m + k) * (2 * between - withinX - withinY);
    }

    private static void shuffle(double[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }
}
