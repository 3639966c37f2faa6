package dev.aipcbench.reports.chart;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Summary;
import dev.aipcbench.results.Workload;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Latency of every token of one generation, token index on x: the prefill spike at token 0 (TTFT),
 * then the decode plateau, one series per cell of one workload, as NPU demos chart it. Each point is
 * the median over every fork and iteration at that token index.
 *
 * <p>The y axis is logarithmic: prefill of a long prompt is tens to hundreds of times slower than a
 * decode step, and on a linear axis the plateau would be a flat line on the floor where no jitter or
 * warm-up shows. On a log axis both stay readable and the first token stands apart by the decades
 * between them. Token 0 carries a large marker of its series' colour so it reads as the spike even
 * where TTFT is only a few times the decode step.
 */
public final class TokenLatencyChart {
    private TokenLatencyChart() {
    }

    /** The chart of the ok cells of {@code workload} that kept per-token latencies, or empty when there are none. */
    public static Optional<ChartImage> render(String fileName, Workload workload, List<CellResult> cells,
                                              SeriesPalette palette) {
        HeadlessAwt.ensure();
        List<CellResult> plotted = cells.stream()
                .filter(c -> c.ok() && workload.equals(c.workload())
                        && medianPerToken(c.tokenLatencies()).stream().anyMatch(m -> m > 0))
                .toList();
        if (plotted.isEmpty()) {
            return Optional.empty();
        }
        int iterations = plotted.stream().mapToInt(c -> iterations(c.tokenLatencies())).max().orElse(0);
        String title = "Per-token latency, " + workload.label() + " (median of " + iterations
                + " generations per token)";
        XYChart chart = ChartStyle.xyChart(title, "token index (0 = first token: prefill + first sampling = TTFT)",
                "latency of the token (ms, log scale)");
        chart.getStyler().setXAxisDecimalPattern("0");

        // Drawn first, exactly under one series' own token-0 diamond: it exists to put the diamond in the legend.
        plotted.stream().map(c -> medianPerToken(c.tokenLatencies()).get(0)).filter(ttft -> ttft > 0).findFirst()
                .ifPresent(ttft -> {
                    XYSeries key = chart.addSeries("token 0 = TTFT (prefill)", new double[] {0}, new double[] {ttft});
                    key.setMarker(new FirstTokenMarker());
                    key.setMarkerColor(new Color(0x777777));
                    key.setLineStyle(SeriesLines.NONE);
                });
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (CellResult c : plotted) {
            List<Double> medians = medianPerToken(c.tokenLatencies());
            String label = SeriesLabel.of(c);
            // A log axis cannot place zero or NaN (a token no iteration timed); such points are left out.
            int[] kept = IntStream.range(0, medians.size()).filter(i -> medians.get(i) > 0).toArray();
            double[] x = new double[kept.length];
            double[] y = new double[kept.length];
            for (int i = 0; i < kept.length; i++) {
                x[i] = kept[i];
                y[i] = medians.get(kept[i]);
                min = Math.min(min, y[i]);
                max = Math.max(max, y[i]);
            }
            XYSeries line = chart.addSeries(label, x, y);
            line.setLineColor(palette.color(label));
            line.setMarkerColor(palette.color(label));
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineStyle(SeriesLines.SOLID);

            if (kept[0] == 0) {
                XYSeries first = chart.addSeries(label + " (TTFT)", new double[] {0}, new double[] {y[0]});
                first.setMarker(new FirstTokenMarker());
                first.setMarkerColor(palette.color(label));
                first.setLineStyle(SeriesLines.NONE);
                first.setShowInLegend(false);
            }
        }
        chart.getStyler().setMarkerSize(6);
        ChartStyle.logarithmicY(chart.getStyler(), min, max);
        String caption = "One line per cell (" + plotted.size() + "); token 0 (large diamond) is TTFT, tokens 1.. are"
                + " decode steps. Median over every fork and iteration per token index; logarithmic latency axis.";
        return Optional.of(new ChartImage(fileName, title, caption, PngEncoding.of(chart)));
    }

    /**
     * Median over forks and iterations of each token index's latency, up to the shortest generation;
     * NaN at an index no generation timed.
     */
    static List<Double> medianPerToken(List<List<List<Double>>> latencies) {
        List<List<Double>> generations = new ArrayList<>();
        if (latencies != null) {
            for (List<List<Double>> fork : latencies) {
                if (fork != null) {
                    fork.stream().filter(g -> g != null && !g.isEmpty()).forEach(generations::add);
                }
            }
        }
        if (generations.isEmpty()) {
            return List.of();
        }
        int tokens = generations.stream().mapToInt(List::size).min().orElse(0);
        List<Double> medians = new ArrayList<>(tokens);
        for (int t = 0; t < tokens; t++) {
            double[] v = new double[generations.size()];
            for (int g = 0; g < v.length; g++) {
                Double d = generations.get(g).get(t);
                v[g] = d == null ? Double.NaN : d;
            }
            medians.add(Summary.of(Arrays.stream(v).filter(Double::isFinite).toArray()).median());
        }
        return medians;
    }

    private static int iterations(List<List<List<Double>>> latencies) {
        return latencies == null ? 0 : latencies.stream().mapToInt(f -> f == null ? 0 : f.size()).sum();
    }
}
