package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.MetricDefinition;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's own JMH profiler: after each iteration it turns what the cell's benchmark measured into the
 * iteration's metrics (ttft_ms, tpot_ms, prefill_tok_s, decode_tok_s, e2e_ms, loop_overhead_pct, load_ms,
 * peak_rss_mb, the characterise probes' read_gb_s and matmul_*; units and directions from {@link MetricCatalog}) and every generated token's latency. The
 * iteration goes to the fork's record ({@link ForkRecorder}), the channel the host reads; the metrics also
 * go to JMH as secondary results, so JMH's own output (jmh.json) shows them too.
 */
public final class CellMetricsProfiler implements InternalProfiler {
    // JMH makes a new profiler for every iteration; a fork runs one benchmark, so the CPU window (which spans
    // short iterations) and the count of iterations of the current type (the last one closes the window)
    // live as long as the fork.
    private static final IterationCpu cpu = new IterationCpu();
    private static int iterationsOfType;
    private static IterationType type;

    @Override
    public String getDescription() {
        return "aipc-bench cell metrics: TTFT, TPOT, throughputs, per-token latencies, load time, peak RSS";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // The benchmark records its own timestamps around the runtime calls; here only the CPU accounting.
        ForkRecorder.benchmark(benchmarkParams.getBenchmark());
        if (iterationParams.getType() != type) {
            type = iterationParams.getType();
            iterationsOfType = 0;
        }
        cpu.begin(iterationParams.getType() == IterationType.WARMUP);
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<Double> tokens = null;
        TokenTimeline t = CellMeasurements.takeGeneration();
        if (t != null && t.count() > 0) {
            double ttftMs = t.ttftNanos() / 1e6;
            metrics.put(MetricCatalog.TTFT_MS.name(), ttftMs);
            metrics.put(MetricCatalog.PREFILL_TOK_S.name(), t.promptTokens() / (ttftMs / 1000.0));
            metrics.put(MetricCatalog.E2E_MS.name(), t.e2eNanos() / 1e6);
            metrics.put(MetricCatalog.E2E_TOK_S.name(), t.count() / (t.e2eNanos() / 1e9));
            if (t.count() > 1) {
                double tpotMs = t.tpotNanos() / 1e6;
                metrics.put(MetricCatalog.TPOT_MS.name(), tpotMs);
                metrics.put(MetricCatalog.DECODE_TOK_S.name(), 1000.0 / tpotMs);
                double decodeNs = t.tpotNanos() * (t.count() - 1);
                metrics.put(MetricCatalog.LOOP_OVERHEAD_PCT.name(), 100.0 * t.decodeOverheadNanos() / decodeNs);
            }
            tokens = new ArrayList<>(t.count());
            for (int i = 0; i < t.count(); i++) {
                tokens.add(t.latencyNanos(i) / 1e6);
            }
        }
        long ttft = CellMeasurements.takeTtftNanos();
        if (ttft >= 0) {
            double ms = ttft / 1e6;
            metrics.put(MetricCatalog.TTFT_MS.name(), ms);
            metrics.put(MetricCatalog.PREFILL_TOK_S.name(), CellMeasurements.prefillTokens() / (ms / 1000.0));
        }
        long decode = CellMeasurements.takeDecodeNanos();
        if (decode >= 0) {
            double ms = decode / 1e6;
            metrics.put(MetricCatalog.TPOT_MS.name(), ms);
            metrics.put(MetricCatalog.DECODE_TOK_S.name(), 1000.0 / ms);
        }
        long load = CellMeasurements.takeLoadNanos();
        if (load >= 0) {
            metrics.put((CellMeasurements.warmLoad() ? MetricCatalog.LOAD_WARM_MS : MetricCatalog.LOAD_MS).name(), load / 1e6);
        }
        metrics.putAll(CellMeasurements.takeProbes());
        double peak = ProcessPeakMemory.peakResidentMegabytes();
        if (peak > 0) {
            metrics.put(MetricCatalog.PEAK_RSS_MB.name(), peak);
        }
        ForkRecorder.iteration(iterationParams.getType() == IterationType.WARMUP, metrics, tokens, cpu.end(++iterationsOfType == iterationParams.getCount()));
        List<Result> out = new ArrayList<>();
        metrics.forEach((name, value) -> {
            MetricDefinition d = MetricCatalog.of(name);
            AggregationPolicy policy = d == MetricCatalog.PEAK_RSS_MB ? AggregationPolicy.MAX : AggregationPolicy.AVG;
            out.add(new ScalarResult(name, value, d.unit(), policy));
        });
        return out;
    }
}
