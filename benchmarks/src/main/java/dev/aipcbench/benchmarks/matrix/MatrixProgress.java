package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.results.CellResult;

import java.io.PrintStream;

/**
 * Cells done out of the total and an ETA, on stderr. The ETA extrapolates from the cells that actually
 * ran (skipped cells take no time and would make it wildly optimistic).
 */
final class MatrixProgress {
    private final PrintStream out;
    private final int total;
    private int done;
    private int ran;
    private double ranSeconds;

    MatrixProgress(PrintStream out, int total, int alreadyDone) {
        this.out = out;
        this.total = total;
        this.done = alreadyDone;
    }

    void starting(String cellId) {
        out.printf("[%d/%d] %s ...%n", done + 1, total, cellId);
        out.flush();
    }

    void finished(CellResult cell, int remainingToRun) {
        done++;
        if (cell.wallSeconds() != null && (cell.ok() || cell.status() == dev.aipcbench.results.CellStatus.FAILED)) {
            ran++;
            ranSeconds += cell.wallSeconds();
        }
        String eta = ran == 0 ? "" : " | ETA " + clock(ranSeconds / ran * remainingToRun);
        int width = 30;
        int filled = total == 0 ? width : width * done / total;
        out.printf("[%s%s] %d/%d %s %s%s%s%n", "#".repeat(filled), ".".repeat(width - filled), done, total, cell.status(),
                cell.id(), cell.reason() != null ? " (" + cell.reason() + ")" : "", eta);
        out.flush();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
