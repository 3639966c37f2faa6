package dev.aipcbench.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * What a cell measures: one implementation per kind, each saying once what it measures (its metrics), its
 * label, its place in tables, its share of the sweep charts, and how many tokens a shot generates. Code
 * that must do something per kind (the JMH benchmark that runs it, in the benchmarks module) implements
 * {@link Visitor}, so a new kind fails to compile wherever it is not handled yet.
 *
 * <p>In results.json a workload is an object with its {@code kind} ({@code generate}, {@code prefill},
 * {@code decode}, {@code load}, {@code characterise}) and its own parameters.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Workload.Generate.class, name = Workload.Generate.KIND),
    @JsonSubTypes.Type(value = Workload.Prefill.class, name = Workload.Prefill.KIND),
    @JsonSubTypes.Type(value = Workload.Decode.class, name = Workload.Decode.KIND),
    @JsonSubTypes.Type(value = Workload.Load.class, name = Workload.Load.KIND),
    @JsonSubTypes.Type(value = Workload.Characterise.class, name = Workload.Characterise.KIND)})
public sealed interface Workload permits Workload.Generate, Workload.Prefill, Workload.Decode, Workload.Load, Workload.Characterise {

    /** The kind's name in results and profiles. */
    String kind();

    /** A stable short key, part of the cell id: {@code generate-p128-g128}, {@code prefill-p512}, {@code decode-d1024}, {@code load}. */
    @JsonIgnore
    String key();

    /** How tables and charts name it: {@code generate p128 g64}. */
    @JsonIgnore
    String label();

    /** The kind's place in tables: generate, prefill, decode, load. */
    @JsonIgnore
    int order();

    /** The numbers it is sorted by within its kind (prompt, then generated tokens, or depth). */
    @JsonIgnore
    int[] sortKeys();

    /** The metrics its benchmark measures, most telling first (tables show the first ones). */
    @JsonIgnore
    List<MetricDefinition> metrics();

    /** The one number that ranks cells of this kind: what the matrix map colours and "which to use" ranks by. */
    @JsonIgnore
    MetricDefinition headline();

    /** Tokens one measured shot generates, for energy per token (0 where no token is generated). */
    @JsonIgnore
    int tokensPerShot();

    /** Where it stands on the sweep charts: a point on the chart of that sweep, or none. */
    @JsonIgnore
    List<SweepPoint> sweepPoints();

    /** Its parameters by their names in results ({@code prompt_tokens}, {@code gen_tokens}, {@code context_depth}). */
    @JsonIgnore
    java.util.Map<String, Integer> parameters();

    <R> R accept(Visitor<R> visitor);

    /** A point on one of the sweep charts. */
    record SweepPoint(Sweep sweep, int x) {
    }

    /** The sweep charts: a metric against a workload parameter. */
    enum Sweep {
        TTFT_BY_PROMPT("TTFT vs prompt length", "prompt tokens", MetricCatalog.TTFT_MS),
        TPOT_BY_DEPTH("TPOT vs context depth", "tokens in the KV cache", MetricCatalog.TPOT_MS);

        private final String title;
        private final String axis;
        private final MetricDefinition metric;

        Sweep(String title, String axis, MetricDefinition metric) {
            this.title = title;
            this.axis = axis;
            this.metric = metric;
        }

        public String title() {
            return title;
        }

        public String axis() {
            return axis;
        }

        public MetricDefinition metric() {
            return metric;
        }
    }

    /** One method per kind. */
    interface Visitor<R> {
        R generate(Generate g);

        R prefill(Prefill p);

        R decode(Decode d);

        R load(Load l);

        R characterise(Characterise c);
    }

    /** G tokens after a P-token prompt: TTFT, TPOT, ITL, throughputs, E2E. */
    record Generate(int promptTokens, int genTokens) implements Workload {
        public static final String KIND = "generate";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String key() {
            return "generate-p" + promptTokens + "-g" + genTokens;
        }

        @Override
        public String label() {
            return "generate p" + promptTokens + " g" + genTokens;
        }

        @Override
        public int order() {
            return 0;
        }

        @Override
        public int[] sortKeys() {
            return new int[] {promptTokens, genTokens};
        }

        @Override
        public List<MetricDefinition> metrics() {
            return List.of(MetricCatalog.TTFT_MS, MetricCatalog.TPOT_MS, MetricCatalog.DECODE_TOK_S, MetricCatalog.PREFILL_TOK_S,
                    MetricCatalog.ITL_MS, MetricCatalog.E2E_MS, MetricCatalog.PEAK_RSS_MB, MetricCatalog.LOOP_OVERHEAD_PCT);
        }

        @Override
        public MetricDefinition headline() {
            return MetricCatalog.DECODE_TOK_S;
        }

        @Override
        public int tokensPerShot() {
            return genTokens;
        }

        @Override
        public List<SweepPoint> sweepPoints() {
            return List.of(new SweepPoint(Sweep.TTFT_BY_PROMPT, promptTokens));
        }

        @Override
        public java.util.Map<String, Integer> parameters() {
            return java.util.Map.of("prompt_tokens", promptTokens, "gen_tokens", genTokens);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.generate(this);
        }
    }

    /** A P-token prompt to the first token: TTFT as a function of prompt length. */
    record Prefill(int promptTokens) implements Workload {
        public static final String KIND = "prefill";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String key() {
            return "prefill-p" + promptTokens;
        }

        @Override
        public String label() {
            return "prefill p" + promptTokens;
        }

        @Override
        public int order() {
            return 1;
        }

        @Override
        public int[] sortKeys() {
            return new int[] {promptTokens};
        }

        @Override
        public List<MetricDefinition> metrics() {
            return List.of(MetricCatalog.TTFT_MS, MetricCatalog.PREFILL_TOK_S, MetricCatalog.PEAK_RSS_MB);
        }

        @Override
        public MetricDefinition headline() {
            return MetricCatalog.PREFILL_TOK_S;
        }

        @Override
        public int tokensPerShot() {
            return 1;
        }

        @Override
        public List<SweepPoint> sweepPoints() {
            return List.of(new SweepPoint(Sweep.TTFT_BY_PROMPT, promptTokens));
        }

        @Override
        public java.util.Map<String, Integer> parameters() {
            return java.util.Map.of("prompt_tokens", promptTokens);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.prefill(this);
        }
    }

    /** One decode step with D tokens already in the KV cache: TPOT at depth D. */
    record Decode(int contextDepth) implements Workload {
        public static final String KIND = "decode";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String key() {
            return "decode-d" + contextDepth;
        }

        @Override
        public String label() {
            return "decode d" + contextDepth;
        }

        @Override
        public int order() {
            return 2;
        }

        @Override
        public int[] sortKeys() {
            return new int[] {contextDepth};
        }

        @Override
        public List<MetricDefinition> metrics() {
            return List.of(MetricCatalog.TPOT_MS, MetricCatalog.DECODE_TOK_S, MetricCatalog.PEAK_RSS_MB);
        }

        @Override
        public MetricDefinition headline() {
            return MetricCatalog.DECODE_TOK_S;
        }

        @Override
        public int tokensPerShot() {
            return 1;
        }

        @Override
        public List<SweepPoint> sweepPoints() {
            return List.of(new SweepPoint(Sweep.TPOT_BY_DEPTH, contextDepth));
        }

        @Override
        public java.util.Map<String, Integer> parameters() {
            return java.util.Map.of("context_depth", contextDepth);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.decode(this);
        }
    }

    /** Model load and compile, cold (empty compile cache) and warm. */
    record Load() implements Workload {
        public static final String KIND = "load";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String key() {
            return "load";
        }

        @Override
        public String label() {
            return "load";
        }

        @Override
        public int order() {
            return 3;
        }

        @Override
        public int[] sortKeys() {
            return new int[0];
        }

        @Override
        public List<MetricDefinition> metrics() {
            return List.of(MetricCatalog.LOAD_MS, MetricCatalog.LOAD_WARM_MS, MetricCatalog.PEAK_RSS_MB);
        }

        @Override
        public MetricDefinition headline() {
            return MetricCatalog.LOAD_MS;
        }

        @Override
        public int tokensPerShot() {
            return 0;
        }

        @Override
        public List<SweepPoint> sweepPoints() {
            return List.of();
        }

        @Override
        public java.util.Map<String, Integer> parameters() {
            return java.util.Map.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.load(this);
        }
    }

    /**
     * What the hardware under the cell can do, not a token: its device's memory read bandwidth and its
     * precision's matmul throughput at M=1 (weight-bandwidth bound) and M=512 (compute bound), through the
     * cell's runtime, with {@code threads} threads (0: the runtime's choice, for accelerators). Token cells
     * are placed against these ceilings ({@link Ceilings}); a threads sweep is one cell per count.
     */
    record Characterise(int threads) implements Workload {
        public static final String KIND = "characterise";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String key() {
            return "characterise-t" + threads;
        }

        @Override
        public String label() {
            return "characterise t" + threads;
        }

        @Override
        public int order() {
            return 4;
        }

        @Override
        public int[] sortKeys() {
            return new int[] {threads};
        }

        @Override
        public List<MetricDefinition> metrics() {
            return List.of(MetricCatalog.READ_GB_S, MetricCatalog.MATMUL_M1_GB_S, MetricCatalog.MATMUL_M512_GFLOP_S);
        }

        @Override
        public MetricDefinition headline() {
            return MetricCatalog.READ_GB_S;
        }

        @Override
        public int tokensPerShot() {
            return 0;
        }

        @Override
        public List<SweepPoint> sweepPoints() {
            return List.of();
        }

        @Override
        public java.util.Map<String, Integer> parameters() {
            return java.util.Map.of("threads", threads);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.characterise(this);
        }
    }
}
