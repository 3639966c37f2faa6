package dev.aipcbench.reports.table;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many cells of a run ended in each status. */
public record StatusCounts(int ok, int skipped, int unsupported, int failed) {

    public static StatusCounts of(List<CellResult> cells) {
        Map<CellStatus, Integer> n = new EnumMap<>(CellStatus.class);
        for (CellResult c : cells) {
            if (c.status() != null) {
                n.merge(c.status(), 1, Integer::sum);
            }
        }
        return new StatusCounts(n.getOrDefault(CellStatus.OK, 0), n.getOrDefault(CellStatus.SKIPPED, 0),
                n.getOrDefault(CellStatus.UNSUPPORTED, 0), n.getOrDefault(CellStatus.FAILED, 0));
    }

    public int total() {
        return ok + skipped + unsupported + failed;
    }
}
