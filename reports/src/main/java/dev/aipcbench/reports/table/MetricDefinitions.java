package dev.aipcbench.reports.table;

import dev.aipcbench.results.MetricNames;

import java.util.List;

/**
 * The metric definitions every report prints, worded as in docs/results-schema.md and the javadoc of
 * {@link MetricNames}, in the order reports list metrics.
 */
public final class MetricDefinitions {
    public static final List<MetricDefinition> ALL = List.of(
            def(MetricNames.TTFT_MS, "ms", "lower", "Time to first token: from handing the prompt's token ids to the "
                    + "runtime until the first generated token id is available (prefill + first sampling); "
                    + "tokenisation is timed apart and not included."),
            def(MetricNames.TPOT_MS, "ms", "lower", "Time per output token (2nd+ token latency): mean latency of each "
                    + "generated token after the first, per iteration. In decode cells: one decode step with D "
                    + "tokens already in the KV cache."),
            def(MetricNames.ITL_MS, "ms", "lower", "Inter-token latency: every per-token latency after the first, pooled "
                    + "(its percentiles are the ITL p50/p90/p99)."),
            def(MetricNames.PREFILL_TOK_S, "tok/s", "higher", "Prefill throughput: prompt tokens / TTFT."),
            def(MetricNames.DECODE_TOK_S, "tok/s", "higher", "Decode throughput: 1000 / TPOT(ms)."),
            def(MetricNames.E2E_MS, "ms", "lower", "End to end: the whole generation of G tokens after a P-token prompt "
                    + "(never stops early on EOS, so runs stay comparable)."),
            def(MetricNames.LOAD_MS, "ms", "lower", "Model load + compile in a fresh process with an empty compile cache."),
            def(MetricNames.LOAD_WARM_MS, "ms", "lower", "The same load again, compile cache and OS file cache warm."),
            def(MetricNames.PEAK_RSS_MB, "MB", "lower", "Peak resident memory of the benchmark fork."),
            def(MetricNames.ENERGY_J, "J", "lower", "Energy of the whole cell (every fork, warm-up and loads included), where an energy counter exists."),
            def(MetricNames.ENERGY_J_PER_TOKEN, "J/token", "lower", "Energy of the cell per token generated in it, where an energy "
                    + "counter exists."),
            def(MetricNames.LOOP_OVERHEAD_PCT, "%", "lower", "Share of each decode step spent in the suite's loop "
                    + "outside the runtime's inference call (sampling included)."));

    private MetricDefinitions() {
    }

    /** Position of a metric in {@link #ALL}; unknown metrics sort after every known one. */
    public static int rank(String metric) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).name().equals(metric)) {
                return i;
            }
        }
        return ALL.size();
    }

    private static MetricDefinition def(String name, String unit, String better, String definition) {
        return new MetricDefinition(name, unit, better, definition);
    }
}
