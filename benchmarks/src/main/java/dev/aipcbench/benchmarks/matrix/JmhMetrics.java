package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.jmh.CellMetricsProfiler;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricNames;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a cell's metrics out of JMH's results: each secondary result of the suite's profiler becomes a
 * metric with samples grouped by fork and iteration, the per-token results become the cell's token
 * latencies, and ITL pools every decode-step latency.
 */
final class JmhMetrics {
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final List<List<List<Double>>> tokenLatencies = new ArrayList<>();

    JmhMetrics(List<RunResult> runs) {
        Map<String, List<List<Double>>> byName = new LinkedHashMap<>();
        List<List<Double>> itl = new ArrayList<>();
        for (RunResult run : runs) {
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                Map<String, List<Double>> forkSamples = new LinkedHashMap<>();
                List<List<Double>> forkTokens = new ArrayList<>();
                List<Double> forkItl = new ArrayList<>();
                for (IterationResult iteration : fork.getIterationResults()) {
                    TreeMap<Integer, Double> tokens = new TreeMap<>();
                    for (Map.Entry<String, Result> e : iteration.getSecondaryResults().entrySet()) {
                        String name = e.getKey();
                        double value = e.getValue().getScore();
                        if (name.startsWith(CellMetricsProfiler.TOKEN_PREFIX)) {
                            tokens.put(Integer.parseInt(name.substring(CellMetricsProfiler.TOKEN_PREFIX.length())), value);
                        } else {
                            forkSamples.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                        }
                    }
                    if (!tokens.isEmpty()) {
                        List<Double> row = new ArrayList<>(tokens.values());
                        forkTokens.add(row);
                        forkItl.addAll(row.subList(1, row.size()));
                    }
                }
                forkSamples.forEach((name, values) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(values));
                if (!forkTokens.isEmpty()) {
                    tokenLatencies.add(forkTokens);
                    itl.add(forkItl);
                }
            }
        }
        byName.forEach((name, samples) -> metrics.put(name, Metric.of(MetricNames.unit(name), MetricNames.better(name), samples)));
        if (!itl.isEmpty() && itl.stream().anyMatch(f -> !f.isEmpty())) {
            metrics.put(MetricNames.ITL_MS, Metric.of("ms", Metric.Better.LOWER, itl));
        }
    }

    Map<String, Metric> metrics() {
        return metrics;
    }

    /** {@code [fork][iteration][token]}, or null when the cell generated no token sequence. */
    List<List<List<Double>>> tokenLatencies() {
        return tokenLatencies.isEmpty() ? null : tokenLatencies;
    }
}
