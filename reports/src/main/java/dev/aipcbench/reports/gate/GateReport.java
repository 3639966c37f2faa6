package dev.aipcbench.reports.gate;

import java.util.List;
import java.util.Locale;

/**
 * What the gate found: one row per compared cell x metric, the cells it could not compare, and notes
 * (e.g. that different hardware was compared on request). {@link #exitCode()} is what CI sees.
 */
public record GateReport(GateSettings settings, List<GateRow> rows, List<UnmatchedCell> unmatchedCells,
                         List<String> notes) {
    public static final int EXIT_PASS = 0;
    public static final int EXIT_REGRESSION = 1;
    /**
     * Nothing was judged: no row both sides could compare, or every row inconclusive (noise above the
     * threshold, one-fork runs). Not 0: a gate that compared nothing must not read as passed. Not 1: no
     * regression was seen either. (2 is an input error.)
     */
    public static final int EXIT_INCONCLUSIVE = 3;

    /** How the gate ended, as CI sees it. */
    public enum Outcome {
        PASSED(EXIT_PASS), FAILED(EXIT_REGRESSION), INCONCLUSIVE(EXIT_INCONCLUSIVE);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

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

    /** Failed on any regression or newly failed cell; else inconclusive when no row was judged; else passed. */
    public Outcome outcome() {
        if (rows.stream().anyMatch(r -> r.verdict().fails()) || !brokenCells().isEmpty()) {
            return Outcome.FAILED;
        }
        return rows.stream().anyMatch(r -> r.verdict().judged()) ? Outcome.PASSED : Outcome.INCONCLUSIVE;
    }

    public boolean passed() {
        return outcome() == Outcome.PASSED;
    }

    /** 0 passed, 1 regression or newly failed cell, 3 nothing judged (input errors, 2, are thrown). */
    public int exitCode() {
        return outcome().exitCode();
    }

    /**
     * The console's summary line, e.g. {@code gate: passed: 0 regressions, 1 improvement, 11 pass, 2 inconclusive}; an
     * inconclusive gate says why.
     */
    public String consoleLine() {
        String counts = String.format(Locale.ROOT, "%d regression(s), %d improvement(s), %d pass, %d inconclusive, %d without data",
                count(GateVerdict.REGRESSION), count(GateVerdict.IMPROVEMENT), count(GateVerdict.PASS),
                count(GateVerdict.INCONCLUSIVE), count(GateVerdict.NO_DATA));
        String why = "";
        if (outcome() == Outcome.INCONCLUSIVE) {
            why = rows.isEmpty() ? " (no cell x metric both sides could compare)"
                    : " (no row could be judged: run-to-run noise above the threshold or unknown, or no data; see the notes in gate.md)";
        }
        return "gate: " + outcome().label() + why + ": " + counts;
    }
}
