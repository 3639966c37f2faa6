package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.RunResults;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The gate's power on real samples: the smallest slowdown it would catch. The current samples are made
 * worse by factors 1.01, 1.02, ... (latencies multiplied, throughputs divided) and each is put through
 * the gate with the same statistics and seed; the first factor that gives a regression is the answer.
 * Because the seed fixes which samples every resample draws, scaling the current side by {@code f}
 * scales its resampled medians, the ratio and both interval bounds by exactly {@code f}: the verdict is
 * monotone in {@code f}, so a binary search over the grid finds the same factor as a scan.
 * Run it on two runs of an unchanged build (an A/A pair) with the CI profile's iteration counts.
 */
public final class DetectableSlowdown {
    public static final double DEFAULT_STEP = 0.01;
    public static final double DEFAULT_MAX_FACTOR = 3.0;

    /** The smallest slowdown caught for one cell x metric; empty when none up to the largest factor tried. */
    public record Sensitivity(String cellId, String metric, double thresholdPct, OptionalDouble factor) {
        /** The factor as a slowdown in percent ({@code 1.07} is 7 %). */
        public OptionalDouble slowdownPct() {
            return factor.isPresent() ? OptionalDouble.of((factor.getAsDouble() - 1) * 100) : OptionalDouble.empty();
        }
    }

    private final MetricGate gate;
    private final double step;
    private final double maxFactor;

    public DetectableSlowdown(int resamples, double confidence, long seed, double step, double maxFactor) {
        if (!(step > 0) || !(maxFactor > 1)) {
            throw new IllegalArgumentException("step must be positive and the largest factor above 1");
        }
        this.gate = new MetricGate(resamples, confidence, seed);
        this.step = step;
        this.maxFactor = maxFactor;
    }

    /** With the gate's statistics from {@code options}, steps of 1 % up to 3x. */
    public static DetectableSlowdown of(GateOptions options) {
        return new DetectableSlowdown(options.resamples(), options.confidence(), options.seed(), DEFAULT_STEP,
                DEFAULT_MAX_FACTOR);
    }

    /** Every gated cell x metric the runs share (cells paired as the gate pairs them). */
    public List<Sensitivity> of(List<RunResults> baselines, RunResults current, GateThresholds thresholds) {
        List<Sensitivity> out = new ArrayList<>();
        for (CellPairing.Pair pair : CellPairing.of(baselines, current).pairs()) {
            for (String metric : pair.gatedMetrics()) {
                Metric cur = pair.currentMetric(metric);
                List<Metric> base = pair.baselineMetrics(metric);
                if (cur == null || base.isEmpty()) {
                    continue;
                }
                double t = thresholds.resolve(pair.cellId(), metric);
                out.add(new Sensitivity(pair.cellId(), metric, t, smallestFactor(pair.cellId(), metric, base, cur, t)));
            }
        }
        return out;
    }

    /**
     * The smallest grid factor (1 + k * step, k >= 0) at which the gate calls {@code current} made that
     * much worse a regression: 1.0 when it already is one, empty when no factor up to the largest does,
     * or when the metric cannot be judged at all.
     */
    public OptionalDouble smallestFactor(String cellId, String metric, List<Metric> baselines, Metric current,
                                         double thresholdPct) {
        int last = (int) Math.floor((maxFactor - 1) / step + 1e-9);
        if (!regresses(cellId, metric, baselines, current, thresholdPct, last)) {
            return OptionalDouble.empty();
        }
        int lo = -1; // largest index known not to regress (-1: none tried)
        int hi = last; // smallest index known to regress
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (regresses(cellId, metric, baselines, current, thresholdPct, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return OptionalDouble.of(factor(hi));
    }

    private boolean regresses(String cellId, String metric, List<Metric> baselines, Metric current,
                              double thresholdPct, int k) {
        Metric worse = worse(metric, current, factor(k));
        return gate.compare(cellId, metric, baselines, worse, thresholdPct).verdict() == GateVerdict.REGRESSION;
    }

    private double factor(int k) {
        return 1 + k * step;
    }

    /** The metric {@code f} times worse: latencies up, throughputs down. */
    static Metric worse(String name, Metric m, double f) {
        Metric.Better better = m.better() != null ? m.better() : MetricCatalog.betterOf(name);
        double by = better == Metric.Better.HIGHER ? 1 / f : f;
        List<List<Double>> scaled = new ArrayList<>();
        for (List<Double> fork : m.samples() == null ? List.<List<Double>>of() : m.samples()) {
            // a null sample (JSON null) stays unusable: NaN is dropped like any non-finite sample
            scaled.add(fork == null ? List.of() : fork.stream().map(v -> v == null ? Double.NaN : v * by).toList());
        }
        return Metric.of(m.unit(), better, scaled);
    }
}
