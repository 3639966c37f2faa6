package dev.aipcbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where a token cell stands against its device's measured ceilings. A decode step (decode cells, and the decode
 * steps of a generate cell, at their mean depth {@code P + G/2}) streams its bytes ({@link TokenCost#decodeBytes})
 * in TPOT: its attained GB/s is placed against the device's read bandwidth with the cell's threads. A prefill
 * (prefill cells, and a generate cell's prompt) does {@link TokenCost#prefillFlops} in TTFT: its attained GFLOP/s is
 * placed against the M=512 matmul ceiling of its precision. {@code ceiling} is empty where the run measured none.
 * In results (not reports) because results.csv carries the percentages too, beside the report and summary.md.
 *
 * @param flops     FLOPs of the step (decode) or of the whole prompt (prefill)
 * @param bytes     bytes it reads at least
 * @param seconds   the measured median (TPOT or TTFT), s
 */
public record RooflinePoint(CellResult cell, Phase phase, double flops, double bytes, double seconds, Optional<Ceilings.Ceiling> ceiling) {

    /** Which part of a token, and what it is held against. */
    public enum Phase {
        DECODE("decode", "GB/s", "of read bandwidth"), PREFILL("prefill", "GFLOP/s", "of matmul M=512");

        private final String label;
        private final String unit;
        private final String against;

        Phase(String label, String unit, String against) {
            this.label = label;
            this.unit = unit;
            this.against = against;
        }

        public String label() {
            return label;
        }

        /** The unit of what is attained and of its ceiling. */
        public String unit() {
            return unit;
        }

        /** What the percentage is of: {@code of read bandwidth}. */
        public String against() {
            return against;
        }
    }

    /** FLOP per byte. */
    public double intensity() {
        return flops / bytes;
    }

    public double gflopPerSecond() {
        return flops / seconds / 1e9;
    }

    public double gbPerSecond() {
        return bytes / seconds / 1e9;
    }

    /** What this phase is measured in: GB/s for decode, GFLOP/s for prefill. */
    public double attained() {
        return phase == Phase.DECODE ? gbPerSecond() : gflopPerSecond();
    }

    /** Attained as a percentage of the ceiling, NaN without one. */
    public double percent() {
        return ceiling.map(c -> 100 * attained() / c.median()).orElse(Double.NaN);
    }

    /** The points of a cell: decode and/or prefill, those its workload and metrics allow (none without a token cost). */
    public static List<RooflinePoint> of(CellResult cell, Ceilings ceilings) {
        List<RooflinePoint> points = new ArrayList<>();
        of(cell, Phase.DECODE, ceilings).ifPresent(points::add);
        of(cell, Phase.PREFILL, ceilings).ifPresent(points::add);
        return points;
    }

    /** The cell's point of {@code phase}, if its workload has that phase, it measured it and its token cost is known. */
    public static Optional<RooflinePoint> of(CellResult cell, Phase phase, Ceilings ceilings) {
        if (!cell.ok() || !hasPhase(cell.workload(), phase)) {
            return Optional.empty();
        }
        Optional<TokenCost> cost = TokenCost.of(cell);
        OptionalDouble ms = MetricMedian.of(cell, (phase == Phase.DECODE ? MetricCatalog.TPOT_MS : MetricCatalog.TTFT_MS).name());
        if (cost.isEmpty() || ms.isEmpty() || !(ms.getAsDouble() > 0)) {
            return Optional.empty();
        }
        TokenCost t = cost.get();
        int threads = threads(cell);
        if (phase == Phase.DECODE) {
            double depth = depth(cell.workload());
            return Optional.of(new RooflinePoint(cell, phase, t.decodeFlops(depth), t.decodeBytes(depth), ms.getAsDouble() / 1000,
                    ceilings.readBandwidth(cell.device(), threads)));
        }
        int prompt = cell.workload().parameters().get("prompt_tokens");
        return Optional.of(new RooflinePoint(cell, phase, t.prefillFlops(prompt), t.prefillBytes(prompt), ms.getAsDouble() / 1000,
                ceilings.matmulM512(cell.device(), cell.precision(), cell.runtime(), threads)));
    }

    /** Whether a workload times this phase: decode steps (generate, decode), a prompt (generate, prefill). */
    public static boolean hasPhase(Workload w, Phase phase) {
        return phase == Phase.DECODE ? w instanceof Workload.Generate || w instanceof Workload.Decode
                : w instanceof Workload.Generate || w instanceof Workload.Prefill;
    }

    /** Tokens in the KV cache during the mean decode step: D, or P + G/2 for a generation. */
    static double depth(Workload w) {
        if (w instanceof Workload.Decode d) {
            return d.contextDepth();
        }
        Workload.Generate g = (Workload.Generate) w;
        return g.promptTokens() + g.genTokens() / 2.0;
    }

    private static int threads(CellResult cell) {
        Object t = cell.settings() == null ? null : cell.settings().get("threads");
        return t instanceof Number n ? n.intValue() : 0;
    }
}
