package dev.aipcbench.results;

import java.util.Map;

/**
 * The metric names results use, their units and directions. Definitions (also printed in reports):
 * <ul>
 * <li>{@code ttft_ms}: prompt ids handed to the runtime until the first generated id is available
 *     (prefill + first sampling); tokenisation is not included.</li>
 * <li>{@code tpot_ms}: mean latency of each generated token after the first (2nd+ token latency).</li>
 * <li>{@code itl_ms}: every per-token latency after the first (the inter-token latency distribution).</li>
 * <li>{@code prefill_tok_s}: prompt tokens / TTFT. {@code decode_tok_s}: 1000 / TPOT(ms).</li>
 * <li>{@code e2e_ms}: the whole generation of G tokens after a P-token prompt.</li>
 * <li>{@code load_ms} / {@code load_warm_ms}: model load (+ compile), cold and with a warm cache.</li>
 * <li>{@code peak_rss_mb}: peak resident memory of the benchmark process.</li>
 * <li>{@code energy_j}, {@code energy_j_per_token}: energy of the whole cell (every fork, warm-up and
 *     loads included) and per token generated in it, where the host has an energy counter (see
 *     {@code CellEnergy}); one sample per cell.</li>
 * <li>{@code loop_overhead_pct}: share of each decode step spent in the suite's loop outside the
 *     runtime's inference call (sampling included).</li>
 * </ul>
 */
public final class MetricNames {
    public static final String TTFT_MS = "ttft_ms";
    public static final String TPOT_MS = "tpot_ms";
    public static final String ITL_MS = "itl_ms";
    public static final String PREFILL_TOK_S = "prefill_tok_s";
    public static final String DECODE_TOK_S = "decode_tok_s";
    public static final String E2E_MS = "e2e_ms";
    public static final String LOAD_MS = "load_ms";
    public static final String LOAD_WARM_MS = "load_warm_ms";
    public static final String PEAK_RSS_MB = "peak_rss_mb";
    public static final String ENERGY_J = "energy_j";
    public static final String ENERGY_J_PER_TOKEN = "energy_j_per_token";
    public static final String LOOP_OVERHEAD_PCT = "loop_overhead_pct";

    private static final Map<String, Metric.Better> BETTER = Map.ofEntries(
            Map.entry(TTFT_MS, Metric.Better.LOWER), Map.entry(TPOT_MS, Metric.Better.LOWER),
            Map.entry(ITL_MS, Metric.Better.LOWER), Map.entry(PREFILL_TOK_S, Metric.Better.HIGHER),
            Map.entry(DECODE_TOK_S, Metric.Better.HIGHER), Map.entry(E2E_MS, Metric.Better.LOWER),
            Map.entry(LOAD_MS, Metric.Better.LOWER), Map.entry(LOAD_WARM_MS, Metric.Better.LOWER),
            Map.entry(PEAK_RSS_MB, Metric.Better.LOWER), Map.entry(ENERGY_J, Metric.Better.LOWER),
            Map.entry(ENERGY_J_PER_TOKEN, Metric.Better.LOWER), Map.entry(LOOP_OVERHEAD_PCT, Metric.Better.LOWER));

    private MetricNames() {
    }

    /** Which direction is better for a metric; names ending in {@code _tok_s} are throughputs. */
    public static Metric.Better better(String metric) {
        Metric.Better b = BETTER.get(metric);
        if (b != null) {
            return b;
        }
        return metric.endsWith("_tok_s") || metric.endsWith("_per_s") ? Metric.Better.HIGHER : Metric.Better.LOWER;
    }

    /** The unit a metric's name ends with ({@code _ms}, {@code _tok_s}, {@code _mb}, {@code _j}, {@code _pct}, ...). */
    public static String unit(String metric) {
        if (metric.endsWith("_tok_s")) {
            return "tok/s";
        }
        if (metric.endsWith("_j_per_token")) {
            return "J/token";
        }
        int i = metric.lastIndexOf('_');
        String suffix = i < 0 ? "" : metric.substring(i + 1);
        switch (suffix) {
            case "j": return "J";
            case "w": return "W";
            case "mb": return "MB";
            case "pct": return "%";
            default: return suffix;
        }
    }
}
