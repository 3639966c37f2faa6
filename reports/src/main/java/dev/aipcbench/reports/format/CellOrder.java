package dev.aipcbench.reports.format;

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

    public static final Comparator<String> DEVICE = known(DEVICES);
    public static final Comparator<String> PRECISION = known(PRECISIONS);

    /** Workloads by kind ({@link Workload#order()}), then by their own parameters ({@link Workload#sortKeys()}). */
    public static final Comparator<Workload> WORKLOAD = Comparator.nullsLast(Comparator
            .comparingInt(Workload::order)
            .thenComparing(Workload::sortKeys, java.util.Arrays::compare));

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
