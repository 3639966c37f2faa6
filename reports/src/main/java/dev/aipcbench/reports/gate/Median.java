package dev.aipcbench.reports.gate;

/**
 * Median by quickselect: linear time and in place, because the bootstrap takes thousands of medians of
 * the same buffer and sorting each would dominate the gate's run time. For an even count it is the mean
 * of the two middle values, as in {@link dev.aipcbench.results.Summary}.
 */
final class Median {

    private Median() {
    }

    /** Median of {@code a[0..n)}; reorders those elements. NaN when {@code n == 0}. */
    static double ofFirst(double[] a, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int mid = n / 2;
        double upper = select(a, n, mid);
        if ((n & 1) == 1) {
            return upper;
        }
        // after select, a[0..mid) holds the smaller half: the lower middle is its maximum
        double lower = a[0];
        for (int i = 1; i < mid; i++) {
            lower = Math.max(lower, a[i]);
        }
        return lower + (upper - lower) / 2;
    }

    /** Places the k-th smallest of {@code a[0..n)} at {@code a[k]}, smaller ones before it; returns it. */
    private static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            // median of three as pivot: samples often arrive nearly sorted (warm-up trends)
            int m = (lo + hi) >>> 1;
            if (a[m] < a[lo]) {
                swap(a, m, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[m]) {
                swap(a, hi, m);
            }
            double pivot = a[m];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
