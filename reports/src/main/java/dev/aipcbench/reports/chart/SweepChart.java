package dev.aipcbench.reports.chart;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.Summary;
import dev.aipcbench.results.Workload;
import dev.aipcbench.reports.format.CellOrder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A latency as a function of a workload size, one series per device x precision x runtime:
 * TTFT against prompt length (prefill and generate cells: both time the prompt to the first token)
 * and TPOT against context depth (decode cells). Each point is the median of every sample of every
 * cell at that size. The y axis turns logarithmic when the values span more than 20x (fp16 on a CPU
 * next to int4 on an NPU), since a linear axis would flatten the fast series onto the floor.
 */
public final class SweepChart {
    private static final double LOG_AXIS_SPAN = 20;

    private final Workload.Sweep sweep;

    /** The chart of one sweep: the workloads that stand on it say where ({@link Workload#sweepPoints()}). */
    public SweepChart(Workload.Sweep sweep) {
        this.sweep = sweep;
    }

    /** The chart's PNG name, from its title: {@code ttft-vs-prompt-length.png}. */
    public static String fileName(Workload.Sweep sweep) {
        return sweep.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".png";
    }

    private String caption() {
        return sweep.metric().name() + " against " + sweep.axis() + ", one line per device \u00b7 precision \u00b7 runtime; median of"
                + " every iteration of every cell at each point.";
    }

    /** The chart of {@code cells}, or empty when no ok cell of the right kind carries the metric. */
    public Optional<ChartImage> render(String fileName, List<CellResult> cells, SeriesPalette palette) {
        HeadlessAwt.ensure();
        // series label -> size -> pooled samples
        Map<String, TreeMap<Integer, List<Double>>> points = new TreeMap<>(seriesOrder(cells));
        for (CellResult c : cells) {
            if (!c.ok() || c.workload() == null || c.metrics() == null) {
                continue;
            }
            Metric m = c.metrics().get(sweep.metric().name());
            Integer x = c.workload().sweepPoints().stream().filter(p -> p.sweep() == sweep).map(Workload.SweepPoint::x).findFirst().orElse(null);
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
        String yTitle = sweep.metric().name() + " (" + sweep.metric().unit() + ")";
        XYChart chart = ChartStyle.xyChart(sweep.title(), sweep.axis(), yTitle);
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
        return Optional.of(new ChartImage(fileName, sweep.title(), caption(), PngEncoding.of(chart)));
    }

    /** Legend order: the configurations in the order tables list cells. */
    private static Comparator<String> seriesOrder(List<CellResult> cells) {
        List<String> order = cells.stream().sorted(CellOrder.CELL).map(SeriesLabel::of).distinct().toList();
        return Comparator.comparingInt(order::indexOf);
    }
}
