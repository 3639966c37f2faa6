package dev.aipcbench.reports.table;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Workload;

import java.util.Comparator;
import java.util.List;

/**
 * The order cells, devices and precisions are shown in: devices from the most general to the most
 * specialised (cpu, igpu, npu, dgpu), precisions from the reference down (fp32, fp16, int8, int4),
 * unknown names after the known ones, alphabetically. Every table and chart uses it, so a reader
 * finds a cell at the same place everywhere.
 */
public final class CellOrder {
    private static final List<String> DEVICES = List.of("cpu", "igpu", "npu", "dgpu");
    private static final List<String> PRECISIONS = List.of("fp32", "fp16", "int8", "int4");
    private static final List<String> WORKLOAD_KINDS = List.of(Workload.GENERATE, Workload.PREFILL, Workload.DECODE,
            Workload.LOAD);

    public static final Comparator<String> DEVICE = known(DEVICES);
    public static final Comparator<String> PRECISION = known(PRECISIONS);

    /** Workloads by kind, then by prompt length, generated tokens and context depth. */
    public static final Comparator<Workload> WORKLOAD = Comparator
            .comparing((Workload w) -> w == null ? null : w.kind(), Comparator.nullsLast(known(WORKLOAD_KINDS)))
            .thenComparing(w -> w == null ? null : w.promptTokens(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(w -> w == null ? null : w.genTokens(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(w -> w == null ? null : w.contextDepth(), Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Runtime, device, precision, workload. */
    public static final Comparator<CellResult> CELL = Comparator
            .comparing(CellResult::runtime, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(CellResult::device, Comparator.nullsLast(DEVICE))
            .thenComparing(CellResult::precision, Comparator.nullsLast(PRECISION))
            .thenComparing(CellResult::workload, WORKLOAD)
            .thenComparing(CellResult::id, Comparator.nullsLast(Comparator.<String>naturalOrder()));

    private CellOrder() {
    }

    private static Comparator<String> known(List<String> order) {
        return Comparator.comparing((String s) -> {
            int i = order.indexOf(s);
            return i < 0 ? order.size() : i;
        }).thenComparing(Comparator.naturalOrder());
    }
}
