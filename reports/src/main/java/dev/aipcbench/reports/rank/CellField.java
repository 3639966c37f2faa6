package dev.aipcbench.reports.rank;

import dev.aipcbench.reports.format.CellOrder;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Workload;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fields of a cell's identity. A ranking holds some fixed (the group: "int4, generate p128 g64") and
 * lets the others vary (the contenders: "llama.cpp · cpu"); which fields are which is the only difference
 * between "which to use", the side-by-side tables (runtimes of one device, devices of one runtime) and the
 * best of each machine.
 */
public enum CellField {
    RUNTIME, DEVICE, PRECISION, WORKLOAD;

    /** The field's value: a name, or the workload itself. */
    public Object value(CellResult c) {
        switch (this) {
            case RUNTIME: return c.runtime();
            case DEVICE: return c.device();
            case PRECISION: return c.precision();
            default: return c.workload();
        }
    }

    /** How tables and sentences print the field's value: {@code cpu}, {@code generate p128 g64}. */
    public String label(CellResult c) {
        if (this == WORKLOAD) {
            Workload w = c.workload();
            return w == null ? "?" : w.label();
        }
        Object v = value(c);
        if (this == DEVICE && c.executedOn() != null && c.executedOn().fallbackSuspected()) {
            // never ranked silently as the device it asked for: the telemetry says the work ran elsewhere
            return v + " (fallback suspected)";
        }
        return v == null ? "?" : v.toString();
    }

    /** The order values of this field are shown in ({@link CellOrder}). */
    public Comparator<CellResult> order() {
        switch (this) {
            case RUNTIME: return Comparator.comparing(CellResult::runtime, Comparator.nullsLast(Comparator.<String>naturalOrder()));
            case DEVICE: return Comparator.comparing(CellResult::device, Comparator.nullsLast(CellOrder.DEVICE));
            case PRECISION: return Comparator.comparing(CellResult::precision, Comparator.nullsLast(CellOrder.PRECISION));
            default: return Comparator.comparing(CellResult::workload, CellOrder.WORKLOAD);
        }
    }

    /** The labels of {@code fields} (in this enum's order) joined by a middle dot: {@code llama.cpp · cpu}. */
    public static String label(Collection<CellField> fields, CellResult c) {
        return Stream.of(values()).filter(fields::contains).map(f -> f.label(c)).collect(Collectors.joining(" \u00b7 "));
    }

    /** The fields not in {@code fields}. */
    public static EnumSet<CellField> others(Collection<CellField> fields) {
        EnumSet<CellField> rest = EnumSet.allOf(CellField.class);
        rest.removeAll(fields);
        return rest;
    }
}
