package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Summary;

import java.util.SplittableRandom;

/**
 * Two-level bootstrap of a median: draw as many forks as there are, with replacement; inside each
 * drawn fork draw as many iterations as it has, with replacement; take the median of everything drawn.
 * Resampling forks carries the run-to-run (process-to-process) variance into the interval, which
 * resampling pooled iterations would hide. The degenerate shapes fall out by themselves: one fork
 * resamples its iterations only, one iteration per fork resamples forks only.
 */
public final class HierarchicalBootstrap {
    private final ForkedSamples samples;
    private final double[] buffer;

    public HierarchicalBootstrap(ForkedSamples samples) {
        if (samples.size() == 0) {
            throw new IllegalArgumentException("cannot bootstrap an empty sample");
        }
        this.samples = samples;
        this.buffer = new double[samples.maxResampleSize()];
    }

    /** The median of one hierarchical resample. */
    public double resampleMedian(SplittableRandom rng) {
        int forks = samples.forkCount();
        int n = 0;
        for (int f = 0; f < forks; f++) {
            double[] fork = samples.fork(rng.nextInt(forks));
            int len = fork.length;
            for (int i = 0; i < len; i++) {
                buffer[n++] = fork[rng.nextInt(len)];
            }
        }
        return Summary.percentile(buffer, 0, n, 50);
    }
}
