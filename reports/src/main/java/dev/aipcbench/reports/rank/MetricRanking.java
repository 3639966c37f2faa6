package dev.aipcbench.reports.rank;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricDefinition;

import java.util.List;
import java.util.Optional;

/**
 * One metric's ranking among the contenders of a group: every cell that ended ok with a value, best
 * first by its median, "best" pointing the way {@link dev.aipcbench.results.MetricCatalog} says.
 */
public record MetricRanking(MetricDefinition metric, List<Placing> placings) {

    /** A contender's place: its cell, its name in the group ({@code llama.cpp · cpu}) and its median. */
    public record Placing(CellResult cell, String contender, double median) {
    }

    public MetricRanking {
        if (placings.isEmpty()) {
            throw new IllegalArgumentException("a ranking of " + metric.name() + " without a contender");
        }
        placings = List.copyOf(placings);
    }

    public Placing best() {
        return placings.get(0);
    }

    public Optional<Placing> runnerUp() {
        return placings.size() > 1 ? Optional.of(placings.get(1)) : Optional.empty();
    }

    /**
     * How many times better the best is than {@code p} (1 for the best itself, above 1 for the rest): the
     * best's throughput over theirs, or their latency, energy or memory over the best's. NaN where a value
     * is not positive.
     */
    public double timesBetterThan(Placing p) {
        double best = best().median();
        double other = p.median();
        if (!(best > 0) || !(other > 0)) {
            return Double.NaN;
        }
        return metric.better() == Metric.Better.HIGHER ? best / other : other / best;
    }

    /** How many times better the best is than the runner-up; NaN when alone. */
    public double lead() {
        return runnerUp().map(this::timesBetterThan).orElse(Double.NaN);
    }

    /** The placing of {@code cell}, if it has one. */
    public Optional<Placing> of(CellResult cell) {
        return placings.stream().filter(p -> p.cell() == cell).findFirst();
    }
}
