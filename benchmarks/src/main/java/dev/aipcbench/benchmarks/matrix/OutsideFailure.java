package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;

import java.util.List;

/**
 * A cell that failed for a reason outside itself: the machine (a full disk, a results folder it could not
 * write), another run (JMH's global lock), not the runtime, model or device. {@code --resume} runs such a cell
 * again instead of keeping its failure as the cell's result for good.
 */
final class OutsideFailure {
    /** Words of the reasons the suite and the JVM give for such failures. */
    private static final List<String> CAUSES = List.of(
            "No space left on device",
            "Unable to acquire the JMH lock",
            "cannot take the measurement lock",
            "cannot write the cell's spec",
            "cannot merge jmh.json",
            "Disk quota exceeded");

    private OutsideFailure() {
    }

    static boolean of(CellResult c) {
        return c.status() == CellStatus.FAILED && c.reason() != null && CAUSES.stream().anyMatch(c.reason()::contains);
    }
}
