package dev.aipcbench.reports.rank;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.MetricDefinition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cells that share the ranking's fixed fields ({@code int4 · generate p128 g64}), ranked metric by
 * metric, and those of them that did not run, with why.
 *
 * @param label    the fixed fields' values
 * @param cells    every cell of the group, in table order
 * @param rankings one per metric some contender measured, in the order asked
 * @param notRun   the contenders that did not run here
 */
public record RankedGroup(String label, List<CellResult> cells, List<MetricRanking> rankings, List<NotRun> notRun) {

    public Optional<MetricRanking> ranking(MetricDefinition metric) {
        return rankings.stream().filter(r -> r.metric().name().equals(metric.name())).findFirst();
    }

    /** The first cell of the group whose {@code field} is {@code value}'s, or none. */
    public Optional<CellResult> cell(CellField field, Object value) {
        return cells.stream().filter(c -> Objects.equals(field.value(c), value)).findFirst();
    }
}
