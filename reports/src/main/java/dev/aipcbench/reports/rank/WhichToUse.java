package dev.aipcbench.reports.rank;

import dev.aipcbench.results.CellResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "What should I run on this PC?" for one run: per precision, the {@link CellRanking#whichToUse} groups
 * (one per workload) and every runtime x device that did not run at that precision, with why. report.html
 * and summary.md both print it.
 */
public record WhichToUse(List<AtPrecision> precisions) {

    /** One precision: its groups in workload order, and what did not run there. */
    public record AtPrecision(String precision, List<RankedGroup> groups, List<NotRun> notRun) {
        /** The groups some contender ranked in. */
        public List<RankedGroup> ranked() {
            return groups.stream().filter(g -> !g.rankings().isEmpty()).toList();
        }

        /** {@link RankingText#notRun} for this precision's entries. */
        public String notRunText() {
            return RankingText.notRun(notRun, groups.size());
        }
    }

    public static WhichToUse of(List<CellResult> cells) {
        Map<String, List<RankedGroup>> byPrecision = new LinkedHashMap<>();
        // the question is what to run a model on: characterise cells measure the hardware, not a choice to make
        List<CellResult> tokenCells = cells.stream().filter(c -> !(c.workload() instanceof dev.aipcbench.results.Workload.Characterise)).toList();
        for (RankedGroup g : CellRanking.whichToUse(tokenCells)) {
            byPrecision.computeIfAbsent(g.cells().get(0).precision(), p -> new ArrayList<>()).add(g);
        }
        List<AtPrecision> out = new ArrayList<>();
        byPrecision.forEach((p, groups) -> out.add(new AtPrecision(p, List.copyOf(groups),
                NotRun.merge(groups.stream().flatMap(g -> g.notRun().stream()).toList()))));
        return new WhichToUse(List.copyOf(out));
    }

    public boolean isEmpty() {
        return precisions.isEmpty();
    }
}
