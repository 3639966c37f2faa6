package dev.aipcbench.reports.chart;

import dev.aipcbench.results.Ceilings;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Workload;
import dev.aipcbench.reports.format.CellOrder;
import dev.aipcbench.reports.format.NumberText;
import dev.aipcbench.results.RooflinePoint;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One device's roofline, log-log: arithmetic intensity (FLOP per byte read) against attained GFLOP/s. The device's
 * measured read bandwidth is the slope (GB/s x FLOP/B = GFLOP/s), each precision's measured M=512 matmul throughput
 * a flat roof; every measured decode step and prefill of the device is a point, labelled with its workload. A
 * decode step sits far left (about 2 FLOP per weight byte at fp16 and below), where only bandwidth bounds it; how far
 * below the slope it sits is what the cell leaves on the table.
 */
public final class RooflineChart {
    private RooflineChart() {
    }

    public static String fileName(String device) {
        return "roofline-" + RunCharts.slug(device) + ".png";
    }

    /** The roofline of {@code device}, or empty when none of its cells can be placed (no token cost recorded). */
    public static Optional<ChartImage> render(String fileName, String device, List<CellResult> cells, Ceilings ceilings) {
        HeadlessAwt.ensure();
        List<RooflinePoint> points = cells.stream().filter(c -> device.equals(c.device())).sorted(CellOrder.CELL)
                .flatMap(c -> RooflinePoint.of(c, ceilings).stream()).filter(p -> p.intensity() > 0 && p.gflopPerSecond() > 0).toList();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        Optional<Ceilings.Ceiling> bandwidth = ceilings.readBandwidth(device, 0);
        Map<String, Ceilings.Ceiling> roofs = new LinkedHashMap<>();
        ceilings.cells().stream().filter(c -> c.device().equals(device)).map(CellResult::precision).distinct()
                .sorted(CellOrder.PRECISION).forEach(p -> ceilings.matmulM512(device, p, null, 0).ifPresent(r -> roofs.put(p, r)));

        double xMin = points.stream().mapToDouble(RooflinePoint::intensity).min().orElseThrow() / 4;
        double xMax = points.stream().mapToDouble(RooflinePoint::intensity).max().orElseThrow() * 4;
        double yMin = points.stream().mapToDouble(RooflinePoint::gflopPerSecond).min().orElseThrow() / 4;
        double yMax = points.stream().mapToDouble(RooflinePoint::gflopPerSecond).max().orElseThrow() * 4;
        for (Ceilings.Ceiling r : roofs.values()) {
            yMax = Math.max(yMax, r.median() * 2);
        }
        if (bandwidth.isPresent()) {
            double bw = bandwidth.get().median();
            for (Ceilings.Ceiling r : roofs.values()) {
                xMax = Math.max(xMax, 2 * r.median() / bw); // the ridge point, where the slope meets the roof
            }
            yMin = Math.min(yMin, bw * xMin);
            yMax = Math.max(yMax, Math.min(bw * xMax, yMax * 4));
        }

        XYChart chart = ChartStyle.xyChart("Roofline: " + device, "arithmetic intensity (FLOP / byte, log scale)",
                "attained GFLOP/s (log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(xMin);
        chart.getStyler().setXAxisMax(xMax);
        ChartStyle.logarithmicY(chart.getStyler(), yMin, yMax);
        chart.getStyler().setXAxisDecimalPattern("0.###");
        chart.getStyler().setMarkerSize(9);

        int colour = 0;
        if (bandwidth.isPresent()) {
            Ceilings.Ceiling b = bandwidth.get();
            XYSeries s = chart.addSeries("read bandwidth " + NumberText.value(b.median()) + " GB/s (" + threads(b) + ")",
                    new double[] {xMin, xMax}, new double[] {b.median() * xMin, b.median() * xMax});
            line(s, SeriesPalette.COLORS[colour++ % SeriesPalette.COLORS.length]);
        }
        for (Map.Entry<String, Ceilings.Ceiling> r : roofs.entrySet()) {
            XYSeries s = chart.addSeries(r.getKey() + " matmul M=512 " + NumberText.value(r.getValue().median()) + " GFLOP/s ("
                    + r.getValue().runtime() + ")", new double[] {xMin, xMax}, new double[] {r.getValue().median(), r.getValue().median()});
            line(s, SeriesPalette.COLORS[colour++ % SeriesPalette.COLORS.length]);
            s.setLineStyle(SeriesLines.DASH_DASH);
        }
        Map<String, List<RooflinePoint>> series = new LinkedHashMap<>();
        List<RooflinePoint> labelled = new ArrayList<>();
        for (RooflinePoint p : points) {
            series.computeIfAbsent(p.cell().runtime() + " \u00b7 " + p.cell().precision() + " \u00b7 " + p.phase().label(),
                    k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<RooflinePoint>> e : series.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(RooflinePoint::intensity).toArray();
            double[] y = e.getValue().stream().mapToDouble(RooflinePoint::gflopPerSecond).toArray();
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            java.awt.Color c = SeriesPalette.COLORS[colour++ % SeriesPalette.COLORS.length];
            s.setMarkerColor(c);
            s.setMarker(e.getValue().get(0).phase() == RooflinePoint.Phase.DECODE ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            for (RooflinePoint p : e.getValue()) {
                if (labelled.stream().noneMatch(q -> near(p, q))) {
                    chart.addAnnotation(new AnnotationText(label(p), p.intensity(), p.gflopPerSecond() * 1.35, false));
                    labelled.add(p);
                }
            }
        }
        chart.getStyler().setAnnotationTextFont(ChartStyle.TICK_FONT);
        chart.getStyler().setAnnotationTextFontColor(ChartStyle.TEXT);
        String caption = "Every decode step (circle) and prefill (diamond) measured on " + device + " against what the device "
                + "was measured to do: the solid slope is its read bandwidth (a point on it streams its bytes as fast as the "
                + "memory allows), the dashed roofs each precision's M=512 matmul throughput. Intensity = FLOPs / bytes read "
                + "(weights + KV cache), both from the model's dimensions; attained = FLOPs / TPOT (decode) or / TTFT (prefill)."
                + (bandwidth.isEmpty() ? " No read bandwidth was measured on this device (run characterise): the slope is missing." : "");
        return Optional.of(new ChartImage(fileName, "Roofline: " + device, caption, PngEncoding.of(chart)));
    }

    /** Labels closer than this (in decades on both axes) would print over each other: the first one stands for both. */
    private static boolean near(RooflinePoint a, RooflinePoint b) {
        return Math.abs(Math.log10(a.intensity() / b.intensity())) < 0.6 && Math.abs(Math.log10(a.gflopPerSecond() / b.gflopPerSecond())) < 0.12;
    }

    private static void line(XYSeries s, java.awt.Color c) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(c);
        s.setLineWidth(2f);
    }

    private static String threads(Ceilings.Ceiling c) {
        return c.threads() > 0 ? c.threads() + " thread" + (c.threads() == 1 ? "" : "s") : c.runtime();
    }

    /** {@code decode d128}, {@code generate p128 g64 (prefill)}. */
    private static String label(RooflinePoint p) {
        Workload w = p.cell().workload();
        return w instanceof Workload.Generate ? w.label() + " (" + p.phase().label() + ")" : w.label();
    }
}
