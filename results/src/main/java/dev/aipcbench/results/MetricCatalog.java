package dev.aipcbench.results;

import java.util.List;
import java.util.Optional;

/**
 * Every metric the suite measures, defined once: name, unit, direction and definition. The fork's profiler,
 * results, CSV, charts, report, summary and gate all read them from here. Adding a metric is one entry here
 * (and the code that measures it); its place in {@link #ALL} is its place in tables.
 */
public final class MetricCatalog {
    public static final MetricDefinition TTFT_MS = def("ttft_ms", "TTFT", "ms", Metric.Better.LOWER,
            "Time to first token: from handing the prompt's token ids to the runtime until the first generated token id is "
                    + "available (prefill + first sampling); tokenisation is timed apart and not included.");
    public static final MetricDefinition TPOT_MS = def("tpot_ms", "TPOT", "ms", Metric.Better.LOWER,
            "Time per output token (2nd+ token latency): mean latency of each generated token after the first, per iteration. "
                    + "In decode cells: one decode step with D tokens already in the KV cache.");
    public static final MetricDefinition ITL_MS = def("itl_ms", "ITL", "ms", Metric.Better.LOWER,
            "Inter-token latency: every per-token latency after the first, pooled (its percentiles are the ITL p50/p90/p99).");
    public static final MetricDefinition PREFILL_TOK_S = def("prefill_tok_s", "prefill throughput", "tok/s", Metric.Better.HIGHER,
            "Prefill throughput: prompt tokens / TTFT.");
    public static final MetricDefinition DECODE_TOK_S = def("decode_tok_s", "decode throughput", "tok/s", Metric.Better.HIGHER,
            "Decode throughput: 1000 / TPOT(ms).");
    public static final MetricDefinition E2E_MS = def("e2e_ms", "E2E", "ms", Metric.Better.LOWER,
            "End to end: the whole generation of G tokens after a P-token prompt (never stops early on EOS, so runs stay comparable).");
    public static final MetricDefinition E2E_TOK_S = def("e2e_tok_s", "generation throughput", "tok/s", Metric.Better.HIGHER,
            "Generation throughput: the G generated tokens / E2E, prefill included (what a user waiting for the whole answer sees).");
    public static final MetricDefinition LOAD_MS = def("load_ms", "load", "ms", Metric.Better.LOWER,
            "Model load + compile in a fresh process with an empty compile cache.");
    public static final MetricDefinition LOAD_WARM_MS = def("load_warm_ms", "warm load", "ms", Metric.Better.LOWER,
            "The same load again, compile cache and OS file cache warm.");
    public static final MetricDefinition PEAK_RSS_MB = def("peak_rss_mb", "peak RSS", "MB", Metric.Better.LOWER,
            "Peak resident memory of the benchmark fork.");
    public static final MetricDefinition ENERGY_J = def("energy_j", "energy", "J", Metric.Better.LOWER,
            "Energy of the whole cell (every fork, warm-up and loads included), where an energy counter exists.");
    public static final MetricDefinition ENERGY_J_PER_TOKEN = def("energy_j_per_token", "energy per token", "J/token", Metric.Better.LOWER,
            "Energy of the cell per token generated in it, where an energy counter exists.");
    public static final MetricDefinition LOOP_OVERHEAD_PCT = def("loop_overhead_pct", "loop overhead", "%", Metric.Better.LOWER,
            "Share of each decode step spent in the suite's loop outside the runtime's inference call (sampling included).");
    public static final MetricDefinition READ_GB_S = def("read_gb_s", "read bandwidth", "GB/s", Metric.Better.HIGHER,
            "Memory read bandwidth of the cell's device with its threads: bytes of a buffer far larger than the caches, read once "
                    + "per shot, / the shot's time (GB = 1e9 bytes). The ceiling of a decode step, which streams every weight once.");
    public static final MetricDefinition MATMUL_M1_GB_S = def("matmul_m1_gb_s", "matmul M=1", "GB/s", Metric.Better.HIGHER,
            "One token's matmul through the runtime (M=1, the model's largest projection, weights in the cell's precision): "
                    + "weight bytes / time. Where a decode step's weights stream at best in that precision's kernel.");
    public static final MetricDefinition MATMUL_M512_GFLOP_S = def("matmul_m512_gflop_s", "matmul M=512", "GFLOP/s", Metric.Better.HIGHER,
            "A 512-token matmul through the runtime (the same weights): 2*M*K*N / time. The compute ceiling of a prefill.");

    /** Every metric, in the order reports list them. */
    public static final List<MetricDefinition> ALL = List.of(TTFT_MS, TPOT_MS, ITL_MS, PREFILL_TOK_S, DECODE_TOK_S, E2E_MS,
            E2E_TOK_S, LOAD_MS, LOAD_WARM_MS, PEAK_RSS_MB, ENERGY_J, ENERGY_J_PER_TOKEN, LOOP_OVERHEAD_PCT, READ_GB_S, MATMUL_M1_GB_S,
            MATMUL_M512_GFLOP_S);

    private MetricCatalog() {
    }

    private static MetricDefinition def(String name, String label, String unit, Metric.Better better, String definition) {
        return new MetricDefinition(name, unit, better, definition, label);
    }

    /** The definition of a metric name, if the suite defines it. */
    public static Optional<MetricDefinition> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * The definition of {@code name}; for a metric this suite does not define (a later version's, in an old
     * report) one read off its name: its unit from the suffix, throughputs ({@code _tok_s}) better higher.
     */
    public static MetricDefinition of(String name) {
        return find(name).orElseGet(() -> new MetricDefinition(name, unitFromSuffix(name),
                name.endsWith("_tok_s") || name.endsWith("_per_s") || name.endsWith("_gbps") ? Metric.Better.HIGHER : Metric.Better.LOWER,
                "(not defined by this version of the suite)", name));
    }

    /** Which direction is better for a metric name ({@link #of}). */
    public static Metric.Better betterOf(String name) {
        return of(name).better();
    }

    /** The unit of a metric name ({@link #of}). */
    public static String unitOf(String name) {
        return of(name).unit();
    }

    /** Position of a metric in {@link #ALL}; unknown metrics sort after every known one. */
    public static int rank(String name) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).name().equals(name)) {
                return i;
            }
        }
        return ALL.size();
    }

    private static String unitFromSuffix(String metric) {
        if (metric.endsWith("_tok_s")) {
            return "tok/s";
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
