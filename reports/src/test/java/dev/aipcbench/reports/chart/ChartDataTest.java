package dev.aipcbench.reports.chart;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the charts compute from results, on small exact inputs. */
class ChartDataTest {
    @TempDir
    Path tmp;

    @Test
    void perTokenLatencyIsTheMedianOverForksAndIterationsUpToTheShortestGeneration() {
        List<List<List<Double>>> latencies = List.of(
                List.of(List.of(10.0, 1.0, 1.0, 9.0), List.of(12.0, 1.0, 3.0)),
                List.of(List.of(20.0, 2.0, 2.0)));
        assertEquals(List.of(12.0, 1.0, 2.0), TokenLatencyChart.medianPerToken(latencies));
        assertEquals(List.of(), TokenLatencyChart.medianPerToken(null));
    }

    @Test
    void aMatrixSquareShowsTheGeometricMeanOfGenerateCellsOrTheWorstStatus() {
        CellResult g1 = ok(new Workload.Generate(16, 16), 100);
        CellResult g2 = ok(new Workload.Generate(64, 16), 400);
        CellResult d = ok(new Workload.Decode(64), 1000);
        MatrixMapChart.Square both = MatrixMapChart.square(List.of(g1, g2, d));
        assertEquals(CellStatus.OK, both.status());
        assertEquals(200, both.tokensPerSecond(), 1e-9, "geometric mean of 100 and 400; decode cells only when alone");
        assertEquals(1000, MatrixMapChart.square(List.of(d)).tokensPerSecond(), 1e-9);

        CellResult skipped = notOk(CellStatus.SKIPPED, "no NPU found");
        CellResult failed = notOk(CellStatus.FAILED, "boom");
        MatrixMapChart.Square bad = MatrixMapChart.square(List.of(skipped, failed));
        assertEquals(CellStatus.FAILED, bad.status());
        assertEquals("boom", bad.reason());
        assertEquals(1, MatrixMapChart.square(List.of(g1, skipped)).notOk());
        assertNull(MatrixMapChart.square(List.of()), "not planned");
    }

    @Test
    void theMatrixMapColoursEveryRuntimeOnOneScale() {
        CellResult slow = ok("llama.cpp", new Workload.Generate(16, 16), 100);
        CellResult fast = ok("onnxruntime", new Workload.Generate(16, 16), 400);
        MatrixMapChart.Square[][] a = {{MatrixMapChart.square(List.of(slow))}};
        MatrixMapChart.Square[][] b = {{MatrixMapChart.square(List.of(fast))}};
        MatrixMapChart.ColorScale scale = MatrixMapChart.scale(List.of(a, b));
        assertEquals(100, scale.min(), 1e-9);
        assertEquals(400, scale.max(), 1e-9);
        assertEquals(scale.colorAt(0), scale.color(100), "the slowest runtime's square is the scale's bottom");
        assertEquals(scale.colorAt(1), scale.color(400), "the fastest runtime's square is the scale's top");
    }

    @Test
    void reasonsWrapIntoAFewLinesAndEndWithAnEllipsisWhenCut() {
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        String reason = "no NPU found: ORT EP devices = [CPUExecutionProvider/CPU], providers in this ONNX Runtime "
                + "build = [CPU]; looked for an NPU OrtEpDevice, OpenVINOExecutionProvider(NPU), QNNExecutionProvider(HTP)";
        List<String> lines = MatrixMapChart.wrap(reason, fm, 180, 3);
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).endsWith("\u2026"), lines.toString());
        lines.forEach(l -> assertTrue(fm.stringWidth(l) <= 180, l));
        assertEquals(List.of("short reason"), MatrixMapChart.wrap("short reason", fm, 180, 3));
    }

    @Test
    void telemetrySeriesAreReadPerSignalAndBadFilesNameTheLine() throws IOException {
        Path ok = Files.writeString(tmp.resolve("ok.csv"), "t_ms,source,signal,unit,value\n"
                + "20,oshi,cpu_load_pct,%,50\n10,oshi,cpu_load_pct,%,40\n10,rapl,package_power_w,W,12.5\n");
        List<TelemetrySeries> series = TelemetrySeries.read(ok);
        assertEquals(2, series.size());
        assertArrayEquals(new double[] {10, 20}, series.get(0).timesMs(), "sorted by time");
        assertArrayEquals(new double[] {40, 50}, series.get(0).values());
        assertEquals("W", series.get(1).unit());

        Path bad = Files.writeString(tmp.resolve("bad.csv"), "t_ms,source,signal,unit,value\n10,oshi,x,%,abc\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TelemetrySeries.read(bad));
        assertEquals(bad + " line 2: value 'abc' is not a number", e.getMessage());
        Path noColumn = Files.writeString(tmp.resolve("header.csv"), "t,source,signal,unit,value\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TelemetrySeries.read(noColumn)).getMessage()
                .contains("missing column t_ms"));
    }

    private static CellResult ok(Workload w, double tokensPerSecond) {
        return ok("rt", w, tokensPerSecond);
    }

    private static CellResult ok(String runtime, Workload w, double tokensPerSecond) {
        Metric m = Metric.of("tok/s", Metric.Better.HIGHER, List.of(List.of(tokensPerSecond)));
        return new CellResult(CellResult.id(runtime, "cpu", "int4", w), runtime, "cpu", "int4", w, null, null, CellStatus.OK,
                null, null, null, null, null, null, Map.of(MetricCatalog.DECODE_TOK_S.name(), m), null, null, null, null);
    }

    private static CellResult notOk(CellStatus status, String reason) {
        Workload w = new Workload.Generate(16, 16);
        return new CellResult(CellResult.id("rt", "cpu", "int4", w), "rt", "cpu", "int4", w, null, null, status,
                reason, null, null, null, null, null, null, null, null, null, null);
    }
}
