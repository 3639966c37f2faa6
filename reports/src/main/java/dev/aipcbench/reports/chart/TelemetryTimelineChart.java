package dev.aipcbench.reports.chart;

import dev.aipcbench.results.CellResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the device did while one cell ran: one panel per unit (%, MB, W, ...) stacked over a shared
 * time axis, one line per signal. Signals of different units never share an axis, so a power trace
 * in watts is not squashed by a memory trace in megabytes.
 */
public final class TelemetryTimelineChart {
    private static final int PANEL_HEIGHT = 240;
    private static final double SECONDS_FROM_MS = 10_000;

    private TelemetryTimelineChart() {
    }

    public static Optional<ChartImage> render(String fileName, CellResult cell, List<TelemetrySeries> series) {
        HeadlessAwt.ensure();
        Map<String, List<TelemetrySeries>> byUnit = new LinkedHashMap<>();
        for (TelemetrySeries s : series) {
            if (s.timesMs().length > 0) {
                byUnit.computeIfAbsent(s.unit(), k -> new ArrayList<>()).add(s);
            }
        }
        if (byUnit.isEmpty()) {
            return Optional.empty();
        }
        double lastMs = series.stream().mapToDouble(s -> s.timesMs().length == 0 ? 0 : s.timesMs()[s.timesMs().length - 1])
                .max().orElse(0);
        // Milliseconds for short cells, seconds once a cell runs longer than ten seconds.
        boolean seconds = lastMs >= SECONDS_FROM_MS;
        String xTitle = seconds ? "time since the cell started (s)" : "time since the cell started (ms)";
        String title = "Telemetry: " + SeriesLabel.of(cell) + ", " + cell.workload().key();

        BufferedImage image = new BufferedImage(ChartStyle.WIDTH, PANEL_HEIGHT * byUnit.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            int panel = 0;
            for (Map.Entry<String, List<TelemetrySeries>> unit : byUnit.entrySet()) {
                XYChart chart = ChartStyle.xyChart(ChartStyle.WIDTH, PANEL_HEIGHT, panel == 0 ? title : "",
                        panel == byUnit.size() - 1 ? xTitle : "", unitTitle(unit.getKey()));
                chart.getStyler().setChartTitleVisible(panel == 0);
                // Legends below the plots keep every panel's plot the same width, so time lines up.
                chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
                chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
                chart.getStyler().setMarkerSize(4);
                chart.getStyler().setXAxisMin(0.0);
                chart.getStyler().setXAxisMax(seconds ? lastMs / 1000 : lastMs);
                SeriesPalette palette = new SeriesPalette(unit.getValue().stream().map(TelemetryTimelineChart::name).toList());
                for (TelemetrySeries s : unit.getValue()) {
                    double[] t = s.timesMs().clone();
                    if (seconds) {
                        for (int i = 0; i < t.length; i++) {
                            t[i] /= 1000;
                        }
                    }
                    XYSeries xy = chart.addSeries(name(s), t, s.values());
                    xy.setLineColor(palette.color(name(s)));
                    xy.setMarkerColor(palette.color(name(s)));
                    xy.setMarker(t.length > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
                }
                Graphics2D pg = (Graphics2D) g.create(0, panel * PANEL_HEIGHT, ChartStyle.WIDTH, PANEL_HEIGHT);
                try {
                    chart.paint(pg, ChartStyle.WIDTH, PANEL_HEIGHT);
                } finally {
                    pg.dispose();
                }
                panel++;
            }
        } finally {
            g.dispose();
        }
        String caption = "Telemetry of " + cell.id() + ": one panel per unit, one line per source: signal, over the "
                + "time the cell ran.";
        return Optional.of(new ChartImage(fileName, title, caption, PngEncoding.of(image)));
    }

    private static String name(TelemetrySeries s) {
        return s.source() + ": " + s.signal();
    }

    private static String unitTitle(String unit) {
        return unit == null || unit.isBlank() ? "value" : "value (" + unit + ")";
    }
}
