package dev.aipcbench.reports.chart;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.Summary;
import dev.aipcbench.results.Workload;
import dev.aipcbench.reports.format.CellOrder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decode throughput of one runtime as bars: one group per device · precision, one bar per workload
 * (each generate and decode workload is its own bar: decode speed depends on context depth), height
 * the mean over every iteration, error bar one standard deviation. A configuration that has no value
 * for a workload has no bar there; it is never drawn as zero.
 */
public final class DecodeThroughputChart {
    private DecodeThroughputChart() {
    }

    public static Optional<ChartImage> render(String fileName, String runtime, List<CellResult> cells) {
        HeadlessAwt.ensure();
        List<CellResult> measured = cells.stream()
                .filter(c -> c.ok() && runtime.equals(c.runtime()) && c.workload() != null && c.metrics() != null
                        && c.metrics().containsKey(MetricCatalog.DECODE_TOK_S.name())
                        && c.metrics().get(MetricCatalog.DECODE_TOK_S.name()).allSamples().length > 0)
                .sorted(CellOrder.CELL).toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        List<String> groups = measured.stream().map(SeriesLabel::devicePrecision).distinct().toList();
        List<Workload> workloads = measured.stream().map(CellResult::workload).distinct().sorted(CellOrder.WORKLOAD).toList();
        SeriesPalette palette = new SeriesPalette(workloads.stream().map(Workload::label).toList());

        String title = "Decode throughput, " + runtime;
        CategoryChart chart = ChartStyle.barChart(title, "device \u00b7 precision", "decode throughput (tok/s)");
        for (Workload w : workloads) {
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String group : groups) {
                CellResult cell = measured.stream()
                        .filter(c -> w.equals(c.workload()) && group.equals(SeriesLabel.devicePrecision(c)))
                        .findFirst().orElse(null);
                if (cell == null) {
                    means.add(null);
                    errors.add(null);
                    continue;
                }
                Metric m = cell.metrics().get(MetricCatalog.DECODE_TOK_S.name());
                Summary s = Summary.of(m.allSamples());
                means.add(s.mean());
                errors.add(s.stddev());
            }
            String label = w.label();
            CategorySeries series = chart.addSeries(label, groups, means, errors);
            series.setFillColor(palette.color(label));
        }
        String caption = "Decode tokens per second of " + runtime + ", grouped by device \u00b7 precision, one bar per "
                + "workload: mean over every iteration, error bar \u00b11 standard deviation.";
        return Optional.of(new ChartImage(fileName, title, caption, PngEncoding.of(chart)));
    }
}
