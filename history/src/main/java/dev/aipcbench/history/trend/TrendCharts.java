package dev.aipcbench.history.trend;

import dev.aipcbench.reports.chart.ChartImage;
import dev.aipcbench.reports.chart.ChartStyle;
import dev.aipcbench.reports.chart.SeriesPalette;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.MetricDefinition;
import dev.aipcbench.results.RunResults;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trend charts of the history: per cell and headline metric, the median of every run over time, one series
 * per machine, with a dashed line where that machine's runtime, driver or suite version changed (labelled
 * with what changed), so a step in a line can be read against the upgrade that came with it.
 */
public final class TrendCharts {
    /** The metrics trended: the headline ones every generate or decode cell has. */
    static final List<MetricDefinition> METRICS = List.of(MetricCatalog.TTFT_MS, MetricCatalog.TPOT_MS, MetricCatalog.DECODE_TOK_S,
            MetricCatalog.PREFILL_TOK_S, MetricCatalog.E2E_MS);

    /** A machine's runs, oldest first, under the label the report gives it. */
    public record HostRuns(String label, List<RunResults> runs) {
    }

    /** The charts and the version changes they mark. */
    public record Trends(List<ChartImage> charts, List<VersionChange> changes) {
    }

    private TrendCharts() {
    }

    public static Trends render(List<HostRuns> hosts) {
        List<VersionChange> changes = new ArrayList<>();
        for (HostRuns h : hosts) {
            for (int i = 1; i < h.runs().size(); i++) {
                changes.addAll(RunVersions.changes(h.label(), h.runs().get(i - 1), h.runs().get(i)));
            }
        }
        Set<String> cellIds = new LinkedHashSet<>();
        hosts.forEach(h -> h.runs().forEach(r -> r.cells().stream().filter(CellResult::ok).map(CellResult::id).sorted().forEach(cellIds::add)));
        SeriesPalette palette = new SeriesPalette(hosts.stream().map(HostRuns::label).toList());
        List<ChartImage> charts = new ArrayList<>();
        for (String cellId : cellIds) {
            for (MetricDefinition m : METRICS) {
                ChartImage c = chart(hosts, cellId, m, changes, palette);
                if (c != null) {
                    charts.add(c);
                }
            }
        }
        return new Trends(List.copyOf(charts), List.copyOf(changes));
    }

    private static ChartImage chart(List<HostRuns> hosts, String cellId, MetricDefinition m, List<VersionChange> changes,
                                    SeriesPalette palette) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        int total = 0;
        for (HostRuns h : hosts) {
            for (RunResults r : h.runs()) {
                double median = median(r, cellId, m.name());
                if (!Double.isNaN(median)) {
                    points.computeIfAbsent(h.label(), k -> new ArrayList<>()).add(new double[] {millis(r.started()), median});
                    total++;
                }
            }
        }
        if (total < 2) {
            return null; // one point is no trend
        }
        XYChart chart = ChartStyle.xyChart("Trend: " + cellId + " " + m.name(), "run started", m.name() + " (" + m.unit() + ", median)");
        chart.getStyler().setDatePattern("yyyy-MM-dd HH:mm");
        double yMax = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            List<Date> x = e.getValue().stream().map(p -> new Date((long) p[0])).toList();
            List<Double> y = e.getValue().stream().map(p -> p[1]).toList();
            yMax = Math.max(yMax, y.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(palette.color(e.getKey()));
            s.setMarkerColor(palette.color(e.getKey()));
        }
        // from zero, so a step reads at its true size; the headroom keeps the version labels off the top points
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(yMax * 1.15);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        // XChart styles annotations per chart, not per annotation: every version line dashed grey
        chart.getStyler().setAnnotationLineColor(new Color(0x666666));
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        chart.getStyler().setAnnotationTextFontColor(new Color(0x444444));
        String runtime = cellId.substring(0, cellId.indexOf('/'));
        List<String> marked = new ArrayList<>();
        for (VersionChange v : changes) {
            if (!points.containsKey(v.host()) || !(v.what().equals(runtime) || v.what().startsWith(runtime + ".") || v.what().equals("suite"))) {
                continue;
            }
            double at = millis(v.started());
            chart.addAnnotation(new AnnotationLine(at, true, false));
            chart.addAnnotation(new AnnotationText(v.describe(), at, yMax * 1.08, false));
            marked.add(v.host() + ": " + v.describe() + " at " + v.runId());
        }
        String file = "trend-" + cellId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + m.name() + ".png";
        String caption = "Median " + m.name() + " of " + cellId + " per run and machine; " + (m.better() == Metric.Better.HIGHER
                ? "higher" : "lower") + " is better." + (marked.isEmpty() ? "" : " Dashed: " + String.join("; ", marked) + ".");
        return new ChartImage(file, "Trend of " + cellId + " " + m.name(), caption, png(chart));
    }

    static double median(RunResults r, String cellId, String metric) {
        return r.cell(cellId).filter(CellResult::ok).map(CellResult::metrics).map(ms -> ms.get(metric))
                .filter(x -> x.summary() != null && x.summary().n() > 0).map(x -> x.summary().median()).orElse(Double.NaN);
    }

    private static double millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
