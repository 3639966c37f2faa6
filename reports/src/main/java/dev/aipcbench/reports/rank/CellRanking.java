package dev.aipcbench.reports.rank;

import dev.aipcbench.results.MetricMedian;
import dev.aipcbench.reports.format.CellOrder;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.MetricDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ranks cells: groups them by the fields it holds fixed, and within each group ranks the contenders (the
 * other fields) by each metric's median. The one place a report decides what is best: "which to use",
 * the side-by-side tables, their charts' order and each machine's best line all read it.
 */
public final class CellRanking {
    /** What "which to use" answers: speed, responsiveness, then the costs (energy where measured, memory). */
    public static final List<MetricDefinition> WHICH_TO_USE = List.of(MetricCatalog.DECODE_TOK_S, MetricCatalog.TTFT_MS,
            MetricCatalog.ENERGY_J_PER_TOKEN, MetricCatalog.PEAK_RSS_MB);

    private final Set<CellField> fixed;
    private final Set<CellField> contenders;

    private CellRanking(Set<CellField> fixed) {
        this.fixed = EnumSet.copyOf(fixed);
        this.contenders = CellField.others(fixed);
        this.contenders.remove(CellField.WORKLOAD);
        if (!this.fixed.contains(CellField.WORKLOAD)) {
            throw new IllegalArgumentException("cells of different workloads measure different things; hold the workload fixed");
        }
    }

    /** A ranking holding {@code fixed} fixed (the workload always among them) and letting the rest compete. */
    public static CellRanking holding(CellField... fixed) {
        EnumSet<CellField> f = EnumSet.of(CellField.WORKLOAD);
        f.addAll(List.of(fixed));
        return new CellRanking(f);
    }

    /** "Which to use": per precision and workload, every runtime x device. */
    public static List<RankedGroup> whichToUse(List<CellResult> cells) {
        return holding(CellField.PRECISION).rank(cells, WHICH_TO_USE);
    }

    /**
     * A machine's best: per workload every runtime x device x precision; the first workload in table order
     * (the first generation, where there is one) that has a ranking.
     */
    public static Optional<RankedGroup> bestOfMachine(List<CellResult> cells) {
        return holding().rank(cells, WHICH_TO_USE).stream().filter(g -> !g.rankings().isEmpty()).findFirst();
    }

    /** The fields a group's cells share. */
    public Set<CellField> fixed() {
        return EnumSet.copyOf(fixed);
    }

    /** The fields its contenders differ in. */
    public Set<CellField> contenders() {
        return EnumSet.copyOf(contenders);
    }

    /** The groups of {@code cells} in table order, each ranked by those of {@code metrics} any of its cells measured. */
    public List<RankedGroup> rank(List<CellResult> cells, List<MetricDefinition> metrics) {
        Comparator<CellResult> groupOrder = Stream.of(CellField.PRECISION, CellField.WORKLOAD, CellField.DEVICE, CellField.RUNTIME)
                .filter(fixed::contains).map(CellField::order).reduce(Comparator::thenComparing).orElseThrow();
        List<CellResult> sorted = new ArrayList<>(cells);
        sorted.sort(groupOrder.thenComparing(CellOrder.CELL));
        Map<List<Object>, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult c : sorted) {
            groups.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c);
        }
        List<RankedGroup> ranked = new ArrayList<>();
        for (List<CellResult> group : groups.values()) {
            List<MetricRanking> rankings = new ArrayList<>();
            for (MetricDefinition m : metrics) {
                List<MetricRanking.Placing> placings = new ArrayList<>();
                for (CellResult c : group) {
                    double v = MetricMedian.orNaN(c, m.name());
                    if (Double.isFinite(v)) {
                        placings.add(new MetricRanking.Placing(c, CellField.label(contenders, c), v));
                    }
                }
                if (placings.isEmpty()) {
                    continue;
                }
                Comparator<MetricRanking.Placing> byValue = Comparator.comparingDouble(MetricRanking.Placing::median);
                // ties keep table order, so the same input always names the same winner
                placings.sort(m.better() == Metric.Better.HIGHER ? byValue.reversed() : byValue);
                rankings.add(new MetricRanking(m, placings));
            }
            List<NotRun> notRun = new ArrayList<>();
            for (CellResult c : group) {
                if (!c.ok()) {
                    notRun.add(new NotRun(CellField.label(contenders, c), c.status(), ReasonText.headline(c.reason()), c.reason(),
                            List.of(CellField.WORKLOAD.label(c))));
                }
            }
            ranked.add(new RankedGroup(CellField.label(fixed, group.get(0)), List.copyOf(group), List.copyOf(rankings),
                    NotRun.merge(notRun)));
        }
        return List.copyOf(ranked);
    }

    private List<Object> key(CellResult c) {
        List<Object> k = new ArrayList<>();
        for (CellField f : CellField.values()) {
            if (fixed.contains(f)) {
                k.add(f.value(c));
            }
        }
        return k;
    }
}
