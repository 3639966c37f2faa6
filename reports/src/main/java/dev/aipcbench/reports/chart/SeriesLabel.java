package dev.aipcbench.reports.chart;

import dev.aipcbench.results.CellResult;

/** How a chart's legend names a cell's configuration: {@code cpu · int4 · onnxruntime}. */
public final class SeriesLabel {
    private SeriesLabel() {
    }

    public static String of(CellResult cell) {
        return cell.device() + " \u00b7 " + cell.precision() + " \u00b7 " + cell.runtime();
    }

    /** Device and precision only, for charts drawn per runtime: {@code cpu · int4}. */
    public static String devicePrecision(CellResult cell) {
        return cell.device() + " \u00b7 " + cell.precision();
    }
}
