package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.results.MetricNames;
import dev.aipcbench.harness.runtime.TokenTimeline;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The suite's own JMH profiler: after each iteration it reports what the cell's benchmark measured as
 * secondary results (ttft_ms, tpot_ms, prefill_tok_s, decode_tok_s, e2e_ms, loop_overhead_pct,
 * load_ms, peak_rss_mb) and every generated token's latency as {@code token_ms.NNNN}, so
 * {@code jmh.json} alone carries the raw per-token samples of every iteration of every fork.
 */
public final class CellMetricsProfiler implements InternalProfiler {
    /** Prefix of the per-token secondary results; the suffix is the token index, zero-padded. */
    public static final String TOKEN_PREFIX = "token_ms.";

    @Override
    public String getDescription() {
        return "aipc-bench cell metrics: TTFT, TPOT, throughputs, per-token latencies, load time, peak RSS";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // Nothing to arm: the benchmark records its own timestamps around the runtime calls.
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        List<Result> out = new ArrayList<>();
        TokenTimeline t = CellMeasurements.takeGeneration();
        if (t != null && t.count() > 0) {
            double ttftMs = t.ttftNanos() / 1e6;
            out.add(avg(MetricNames.TTFT_MS, ttftMs, "ms"));
            out.add(avg(MetricNames.PREFILL_TOK_S, t.promptTokens() / (ttftMs / 1000.0), "tok/s"));
            out.add(avg(MetricNames.E2E_MS, t.e2eNanos() / 1e6, "ms"));
            if (t.count() > 1) {
                double tpotMs = t.tpotNanos() / 1e6;
                out.add(avg(MetricNames.TPOT_MS, tpotMs, "ms"));
                out.add(avg(MetricNames.DECODE_TOK_S, 1000.0 / tpotMs, "tok/s"));
                double decodeNs = t.tpotNanos() * (t.count() - 1);
                out.add(avg(MetricNames.LOOP_OVERHEAD_PCT, 100.0 * t.decodeOverheadNanos() / decodeNs, "%"));
            }
            for (int i = 0; i < t.count(); i++) {
                out.add(avg(tokenMetric(i), t.latencyNanos(i) / 1e6, "ms"));
            }
        }
        long ttft = CellMeasurements.takeTtftNanos();
        if (ttft >= 0) {
            double ms = ttft / 1e6;
            out.add(avg(MetricNames.TTFT_MS, ms, "ms"));
            out.add(avg(MetricNames.PREFILL_TOK_S, CellMeasurements.prefillTokens() / (ms / 1000.0), "tok/s"));
        }
        long decode = CellMeasurements.takeDecodeNanos();
        if (decode >= 0) {
            double ms = decode / 1e6;
            out.add(avg(MetricNames.TPOT_MS, ms, "ms"));
            out.add(avg(MetricNames.DECODE_TOK_S, 1000.0 / ms, "tok/s"));
        }
        long load = CellMeasurements.takeLoadNanos();
        if (load >= 0) {
            out.add(avg(CellMeasurements.warmLoad() ? MetricNames.LOAD_WARM_MS : MetricNames.LOAD_MS, load / 1e6, "ms"));
        }
        double peak = ProcessPeakMemory.peakResidentMegabytes();
        if (peak > 0) {
            out.add(new ScalarResult(MetricNames.PEAK_RSS_MB, peak, "MB", AggregationPolicy.MAX));
        }
        return out;
    }

    public static String tokenMetric(int index) {
        return String.format("%s%04d", TOKEN_PREFIX, index);
    }

    private static ScalarResult avg(String name, double value, String unit) {
        return new ScalarResult(name, value, unit, AggregationPolicy.AVG);
    }
}
