package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one metric of one cell: pools the baseline runs' forks, estimates the ratio of medians with
 * its interval, and applies {@link GateVerdict#of}. Each cell x metric draws from its own random stream,
 * derived from the seed and its name, so a verdict does not depend on which other cells were compared.
 */
public final class MetricGate {
    /** Fewer samples than this on a side give no verdict: one sample has no spread to bootstrap. */
    public static final int MIN_SAMPLES = 2;

    private final RatioOfMedians statistics;
    private final double confidence;
    private final long seed;

    public MetricGate(int resamples, double confidence, long seed) {
        this.statistics = new RatioOfMedians(resamples, confidence);
        this.confidence = confidence;
        this.seed = seed;
    }

    /**
     * @param baselines the metric in each baseline run that has it (empty: absent in the baseline)
     * @param current   the metric in the current run, or null when absent
     */
    public GateRow compare(String cellId, String metric, List<Metric> baselines, Metric current, double thresholdPct) {
        Metric any = current != null ? current : baselines.isEmpty() ? null : baselines.get(0);
        String unit = any != null && any.unit() != null ? any.unit() : MetricCatalog.unitOf(metric);
        Metric.Better better = any != null && any.better() != null ? any.better() : MetricCatalog.betterOf(metric);
        List<ForkedSamples> parts = new ArrayList<>();
        for (Metric m : baselines) {
            parts.add(ForkedSamples.of(m.samples()));
        }
        ForkedSamples base = ForkedSamples.pool(parts);
        ForkedSamples cur = ForkedSamples.of(current == null ? null : current.samples());
        Row row = new Row(cellId, metric, unit, better, thresholdPct, base, cur);

        if (baselines.isEmpty()) {
            return row.noData("absent in the baseline");
        }
        if (current == null) {
            return row.noData("absent in the current run");
        }
        if (base.size() < MIN_SAMPLES || cur.size() < MIN_SAMPLES) {
            return row.noData("needs at least " + MIN_SAMPLES + " finite samples per side (baseline "
                    + base.size() + ", current " + cur.size() + ")");
        }
        if (!(base.median() > 0) || !(cur.median() > 0)) {
            return row.noData("median is not positive (baseline " + base.median() + ", current " + cur.median()
                    + "): no ratio");
        }
        RatioEstimate e = statistics.estimate(base, cur, streamSeed(cellId, metric));
        NoiseFloor noise = NoiseFloor.of(base, cur, confidence);
        GateVerdict v = GateVerdict.of(e, better, thresholdPct, noise);
        return row.judged(e, v, noise, note(e, v, better, thresholdPct, noise));
    }

    private long streamSeed(String cellId, String metric) {
        return seed * 0x9E3779B97F4A7C15L + (cellId + '\n' + metric).hashCode();
    }

    private static String note(RatioEstimate e, GateVerdict v, Metric.Better better, double thresholdPct, NoiseFloor noise) {
        double worse = (e.ratio() - 1) * 100 * (better == Metric.Better.HIGHER ? -1 : 1);
        String t = GatePercent.format(thresholdPct);
        String beyondNoise = noise.above(thresholdPct) ? ", beyond its " + noise.describe() : "";
        switch (v) {
            case REGRESSION:
                return String.format(Locale.ROOT, "%.1f%% worse (threshold %s%s)", worse, t, beyondNoise);
            case IMPROVEMENT:
                return String.format(Locale.ROOT, "%.1f%% better (threshold %s%s)", -worse, t, beyondNoise);
            case INCONCLUSIVE:
                return noise.known()
                        ? String.format(Locale.ROOT, "%+.1f%% within the %s, above the threshold %s: more forks (jmh.forks) or a quieter machine",
                        worse, noise.describe(), t)
                        : noise.describe();
            default:
                boolean beyond = Math.abs(e.ratio() - 1) * 100 > thresholdPct;
                if (beyond) {
                    return "beyond " + t + " but the CI includes 1 (noise)";
                }
                return e.excludesOne() ? "real change, within " + t : "";
        }
    }

    /** The row's fixed parts, so each outcome states only what differs. */
    private record Row(String cellId, String metric, String unit, Metric.Better better, double thresholdPct,
                       ForkedSamples base, ForkedSamples cur) {

        GateRow noData(String why) {
            double b = base.size() > 0 ? base.median() : Double.NaN;
            double c = cur.size() > 0 ? cur.median() : Double.NaN;
            return new GateRow(cellId, metric, unit, better, thresholdPct, b, c, base.size(), cur.size(),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, GateVerdict.NO_DATA, withDropped(why));
        }

        GateRow judged(RatioEstimate e, GateVerdict v, NoiseFloor noise, String note) {
            return new GateRow(cellId, metric, unit, better, thresholdPct, e.baselineMedian(), e.currentMedian(),
                    base.size(), cur.size(), e.ratio(), e.ciLow(), e.ciHigh(), noise.pct(), v, withDropped(note));
        }

        private String withDropped(String note) {
            int dropped = base.dropped() + cur.dropped();
            if (dropped == 0) {
                return note;
            }
            String d = dropped + " NaN/infinite sample" + (dropped == 1 ? "" : "s") + " ignored";
            return note.isEmpty() ? d : note + "; " + d;
        }
    }
}
