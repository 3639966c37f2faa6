package dev.aipcbench.reports.gate;

import java.util.List;

/**
 * What the gate found: one row per compared cell x metric, the cells it could not compare, and notes
 * (e.g. that different hardware was compared on request). {@link #exitCode()} is what CI sees.
 */
public record GateReport(GateSettings settings, List<GateRow> rows, List<UnmatchedCell> unmatchedCells,
                         List<String> notes) {
    public static final int EXIT_PASS = 0;
    public static final int EXIT_REGRESSION = 1;

    public GateReport {
        rows = List.copyOf(rows);
        unmatchedCells = List.copyOf(unmatchedCells);
        notes = List.copyOf(notes);
    }

    public List<GateRow> rows(GateVerdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).toList();
    }

    public long count(GateVerdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** Cells that were ok in the baseline and failed now. */
    public List<UnmatchedCell> brokenCells() {
        return unmatchedCells.stream().filter(UnmatchedCell::fails).toList();
    }

    public boolean passed() {
        return rows.stream().noneMatch(r -> r.verdict().fails()) && brokenCells().isEmpty();
    }

    /** 0 when the gate passes, 1 on any regression or newly failed cell (input errors, 2, are thrown). */
    public int exitCode() {
        return passed() ? EXIT_PASS : EXIT_REGRESSION;
    }
}
