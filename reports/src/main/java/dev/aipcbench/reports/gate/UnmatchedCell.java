package dev.aipcbench.reports.gate;

/**
 * A cell the gate could not compare, listed so that nothing drops out of the gate silently: missing on
 * one side, not {@code ok} on one side, or measured with a different model.
 *
 * @param cellId   the cell
 * @param baseline its state in the baseline: {@code ok}, a status ({@code failed}, {@code skipped}, ...) or {@code missing}
 * @param current  its state in the current run, the same way
 * @param reason   why, from the cell's own reason where it has one
 * @param fails    whether this fails the gate: a cell that was {@code ok} in the baseline and
 *                 {@code failed} (crashed, errored) in the current run, the worst slowdown there is
 */
public record UnmatchedCell(String cellId, String baseline, String current, String reason, boolean fails) {
}
