package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Raw samples of one metric grouped by fork ({@code [fork][iteration]}), finite values only. Forks are
 * the independent units (each a fresh process); iterations inside a fork share its JIT, memory layout
 * and thermal state, so the bootstrap resamples forks first. NaN and infinite samples are dropped and
 * counted; a fork left empty is dropped too.
 */
public final class ForkedSamples {
    private final double[][] forks;
    private final int size;
    private final int dropped;

    private ForkedSamples(double[][] forks, int dropped) {
        this.forks = forks;
        this.dropped = dropped;
        int n = 0;
        for (double[] f : forks) {
            n += f.length;
        }
        this.size = n;
    }

    /** From a metric's {@code samples[fork][iteration]}; a null list is an empty sample. */
    public static ForkedSamples of(List<List<Double>> byFork) {
        List<double[]> kept = new ArrayList<>();
        int dropped = 0;
        if (byFork != null) {
            for (List<Double> fork : byFork) {
                if (fork == null) {
                    continue;
                }
                double[] vals = new double[fork.size()];
                int n = 0;
                for (Double v : fork) {
                    if (v != null && Double.isFinite(v)) {
                        vals[n++] = v;
                    } else {
                        dropped++;
                    }
                }
                if (n > 0) {
                    kept.add(Arrays.copyOf(vals, n));
                }
            }
        }
        return new ForkedSamples(kept.toArray(new double[0][]), dropped);
    }

    /** From arrays, {@code [fork][iteration]}. */
    public static ForkedSamples of(double[]... byFork) {
        List<List<Double>> lists = new ArrayList<>();
        for (double[] fork : byFork) {
            lists.add(Arrays.stream(fork).boxed().toList());
        }
        return of(lists);
    }

    /** Several runs' forks joined into one pool: each run's forks become forks of the pool. */
    public static ForkedSamples pool(List<ForkedSamples> parts) {
        List<double[]> all = new ArrayList<>();
        int dropped = 0;
        for (ForkedSamples p : parts) {
            all.addAll(Arrays.asList(p.forks));
            dropped += p.dropped;
        }
        return new ForkedSamples(all.toArray(new double[0][]), dropped);
    }

    public int forkCount() {
        return forks.length;
    }

    /** Iterations of fork {@code i}. */
    double[] fork(int i) {
        return forks[i];
    }

    /** Finite samples over all forks. */
    public int size() {
        return size;
    }

    /** Samples dropped because they were NaN or infinite. */
    public int dropped() {
        return dropped;
    }

    /** Most samples one hierarchical resample can hold: every drawn fork the largest. */
    int maxResampleSize() {
        int max = 0;
        for (double[] f : forks) {
            max = Math.max(max, f.length);
        }
        return max * forks.length;
    }

    /** Each fork's median, in fork order. */
    public double[] forkMedians() {
        double[] out = new double[forks.length];
        for (int i = 0; i < forks.length; i++) {
            out[i] = Summary.percentile(forks[i], 0, forks[i].length, 50);
        }
        return out;
    }

    /** Median of all samples (NaN when empty). */
    public double median() {
        double[] all = new double[size];
        int n = 0;
        for (double[] f : forks) {
            System.arraycopy(f, 0, all, n, f.length);
            n += f.length;
        }
        return Summary.percentile(all, 0, n, 50);
    }
}
