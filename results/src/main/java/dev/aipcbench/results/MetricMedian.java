package dev.aipcbench.results;

import java.util.OptionalDouble;

/**
 * The median of one metric of one cell: the value reports show and compare, because one slow
 * iteration (a page fault, a scheduler hiccup) moves a median much less than a mean. In results because results.csv
 * places cells on the roofline by it too ({@link RooflinePoint}).
 */
public final class MetricMedian {
    private MetricMedian() {
    }

    public static OptionalDouble of(CellResult cell, String metric) {
        if (cell == null || !cell.ok() || cell.metrics() == null) {
            return OptionalDouble.empty();
        }
        Metric m = cell.metrics().get(metric);
        if (m == null) {
            return OptionalDouble.empty();
        }
        double median = m.summary() != null ? m.summary().median()
                : m.samples() != null ? Summary.of(m.allSamples()).median() : Double.NaN;
        return Double.isFinite(median) ? OptionalDouble.of(median) : OptionalDouble.empty();
    }

    /** The median, or NaN where the cell has no such value. */
    public static double orNaN(CellResult cell, String metric) {
        return of(cell, metric).orElse(Double.NaN);
    }
}
