package dev.aipcbench.reports.roofline;

import dev.aipcbench.results.Ceilings;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.RooflinePoint;
import dev.aipcbench.results.TokenCost;
import dev.aipcbench.reports.format.NumberText;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The roofline's fields of a cell, as every printer of cells shows them (the report's cell table, summary.md):
 * decode's attained bandwidth and prefill's attained compute as a percentage of the run's ceilings. A cell whose
 * workload has no such phase shows nothing; one that has it says why it has no percentage (no characterisation
 * in the run, the model's size unknown) rather than staying blank.
 */
public record RooflineField(RooflinePoint.Phase phase) {
    /** Every roofline field, in the order printers show them. */
    public static final List<RooflineField> ALL = List.of(new RooflineField(RooflinePoint.Phase.DECODE),
            new RooflineField(RooflinePoint.Phase.PREFILL));
    public static final String NO_CHARACTERISATION = "no characterisation";

    /** The column's header: {@code decode % roofline}. */
    public String name() {
        return phase.label() + " % roofline";
    }

    /** What the column holds, for a header's tooltip. */
    public String description() {
        return phase == RooflinePoint.Phase.DECODE
                ? "bytes a decode step reads (weights + KV cache at its depth) / TPOT, as % of the device's measured read bandwidth"
                        + " (over 100 %: the weights stayed in the caches)"
                : "FLOPs of the prompt / TTFT, as % of the measured M=512 matmul throughput of the cell's precision";
    }

    /** The cell's value: its point, or why it has none. */
    public Value value(CellResult cell, Ceilings ceilings) {
        if (!cell.ok() || !RooflinePoint.hasPhase(cell.workload(), phase)) {
            return new Value(Optional.empty(), "");
        }
        Optional<RooflinePoint> point = RooflinePoint.of(cell, phase, ceilings);
        if (point.isEmpty()) {
            String why = cell.session() == null ? null : cell.session().get(TokenCost.UNKNOWN);
            return new Value(Optional.empty(), TokenCost.of(cell).isEmpty() ? "model size " + (why == null ? "not recorded" : why) : NumberText.ABSENT);
        }
        RooflinePoint p = point.get();
        if (p.ceiling().isEmpty()) {
            return new Value(point, NO_CHARACTERISATION + " (" + NumberText.value(p.attained()) + " " + phase.unit() + ")");
        }
        return new Value(point, String.format(Locale.ROOT, "%.0f %% (%s of %s %s)", p.percent(), NumberText.value(p.attained()),
                NumberText.value(p.ceiling().get().median()), phase.unit()));
    }

    /** A printed value: the point behind it (for sorting, charts) and its text. */
    public record Value(Optional<RooflinePoint> point, String text) {
        /** The percentage, NaN without one. */
        public double percent() {
            return point.map(RooflinePoint::percent).orElse(Double.NaN);
        }
    }
}
