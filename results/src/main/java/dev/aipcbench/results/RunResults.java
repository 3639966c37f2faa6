package dev.aipcbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code results.json}: one run of the suite on one machine. Written after every cell, atomically, so a
 * run killed at any point leaves a valid file holding every finished cell ({@code complete} false until
 * all planned cells have ended). Schema documented in docs/results-schema.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResults(String schema, String runId, String started, String finished, boolean complete,
                         String suiteVersion, String profileName, Map<String, Object> profile,
                         List<String> commandLine, HostInfo host, List<RuntimeInfo> runtimes,
                         int plannedCells, List<CellResult> cells, Reference reference) {
    public static final String SCHEMA = "aipc-bench/results/v1";

    /**
     * The agreement reference: what the suite's ONNX Runtime loop generated at fp32 for the agreement probe on
     * the run's weights, from the run's own {@code onnxruntime/cpu/fp32} generate cell or, for the synthetic
     * model, a probe run apart; every cell's {@link CellResult.Agreement} compares with it.
     *
     * @param source which cell or model produced it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reference(String source, List<Integer> prompt, List<Integer> tokens, String logits) {
    }

    public Optional<CellResult> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** A copy with {@code cell} added (replacing any earlier cell of the same id). */
    public RunResults withCell(CellResult cell) {
        List<CellResult> next = new ArrayList<>();
        for (CellResult c : cells) {
            if (!c.id().equals(cell.id())) {
                next.add(c);
            }
        }
        next.add(cell);
        return new RunResults(schema, runId, started, finished, complete, suiteVersion, profileName, profile,
                commandLine, host, runtimes, plannedCells, List.copyOf(next), reference);
    }

    public RunResults finish(String finishedAt, boolean allDone) {
        return new RunResults(schema, runId, started, finishedAt, allDone, suiteVersion, profileName, profile,
                commandLine, host, runtimes, plannedCells, cells, reference);
    }

    /** A copy with the agreement reference and the cells as they agree with it. */
    public RunResults withReference(Reference r, List<CellResult> agreed) {
        return new RunResults(schema, runId, started, finished, complete, suiteVersion, profileName, profile,
                commandLine, host, runtimes, plannedCells, List.copyOf(agreed), r);
    }
}
