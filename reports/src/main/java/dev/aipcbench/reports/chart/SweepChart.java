package dev.aipcbench.reports.chart;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricNames;
import dev.aipcbench.results.Summary;
import dev.aipcbench.results.Workload;
import dev.aipcbench.reports.table.CellOrder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A latency as a function of a workload size, one series per device x precision x runtime:
 * TTFT against prompt length (prefill and generate cells: both time the prompt to the first token)
 * and TPOT against context depth (decode cells). Each point is the median of every sample of every
 * cell at that size. The y axis turns logarithmic when the values span more than 20x (fp16 on a CPU
 * next to int4 on an NPU), since a linear axis would flatten the fast series onto the floor.
 */
public final class SweepChart {
    private static final double LOG_AXIS_SPAN = 20;

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final String metric;
    private final Set<String> kinds;
    private final Function<Workload, Integer> size;
    private final String caption;

    private SweepChart(String title, String xTitle, String yTitle, String metric, Set<String> kinds,
                       Function<Workload, Integer> size, String caption) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.metric = metric;
        this.kinds = kinds;
        this.size = size;
        this.caption = caption;
    }

    public static SweepChart ttftByPromptLength() {
        return new SweepChart("TTFT vs prompt length", "prompt length (tokens)", "TTFT (ms)", MetricNames.TTFT_MS,
                Set.of(Workload.PREFILL, Workload.GENERATE), Workload::promptTokens,
                "Time to first token against prompt length, one line per device \u00b7 precision \u00b7 runtime; "
                        + "median of every iteration of the prefill and generate cells at each length.");
    }

    public static SweepChart tpotByContextDepth() {
        return new SweepChart("TPOT vs context depth", "context depth (tokens already in the KV cache)", "TPOT (ms)",
                MetricNames.TPOT_MS, Set.of(Workload.DECODE), Workload::contextDepth,
                "Time per output token (one decode step) against the number of tokens already in the KV cache, one"
                        + " line per device \u00b7 precision \u00b7 runtime; median of every iteration of the decode cells.");
    }

    /** The chart of {@code cells}, or empty when no ok cell of the right kind carries the metric. */
    public Optional<ChartImage> render(String fileName, List<CellResult> cells, SeriesPalette palette) {
        HeadlessAwt.ensure();
        // series label -> size -> pooled samples
        Map<String, TreeMap<Integer, List<Double>>> points = new TreeMap<>(seriesOrder(cells));
        for (CellResult c : cells) {
            if (!c.ok() || c.workload() == null || !kinds.contains(c.workload().kind()) || c.metrics() == null) {
                continue;
            }
            Metric m = c.metrics().get(metric);
            Integer x = size.apply(c.workload());
            if (m == null || x == null) {
                continue;
            }
            List<Double> pooled = points.computeIfAbsent(SeriesLabel.of(c), k -> new TreeMap<>())
                    .computeIfAbsent(x, k -> new ArrayList<>());
            for (double v : m.allSamples()) {
                if (Double.isFinite(v) && v > 0) {
                    pooled.add(v);
                }
            }
        }
        points.values().forEach(bySize -> bySize.values().removeIf(List::isEmpty));
        points.values().removeIf(Map::isEmpty);
        if (points.isEmpty()) {
            return Optional.empty();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        XYChart chart = ChartStyle.xyChart(title, xTitle, yTitle);
        for (Map.Entry<String, TreeMap<Integer, List<Double>>> series : points.entrySet()) {
            double[] x = new double[series.getValue().size()];
            double[] y = new double[x.length];
            int i = 0;
            for (Map.Entry<Integer, List<Double>> p : series.getValue().entrySet()) {
                x[i] = p.getKey();
                y[i] = Summary.of(p.getValue().stream().mapToDouble(Double::doubleValue).toArray()).median();
                min = Math.min(min, y[i]);
                max = Math.max(max, y[i]);
                i++;
            }
            XYSeries s = chart.addSeries(series.getKey(), x, y);
            s.setLineColor(palette.color(series.getKey()));
            s.setMarkerColor(palette.color(series.getKey()));
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setXAxisDecimalPattern("0");
        if (max / min > LOG_AXIS_SPAN) {
            ChartStyle.logarithmicY(chart.getStyler(), min, max);
            chart.setYAxisTitle(yTitle.replace(")", ", log scale)"));
        } else {
            chart.getStyler().setYAxisMin(0.0);
        }
        return Optional.of(new ChartImage(fileName, title, caption, PngEncoding.of(chart)));
    }

    /** Legend order: the configurations in the order tables list cells. */
    private static Comparator<String> seriesOrder(List<CellResult> cells) {
        List<String> order = cells.stream().sorted(CellOrder.CELL).map(SeriesLabel::of).distinct().toList();
        return Comparator.comparingInt(order::indexOf);
    }
}
