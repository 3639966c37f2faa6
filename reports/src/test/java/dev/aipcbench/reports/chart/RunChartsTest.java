package dev.aipcbench.reports.chart;

import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.fixture.FixtureRun;
import dev.aipcbench.reports.fixture.RealRunFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunChartsTest {
    private static LoadedRun run;
    private static RunCharts charts;

    @BeforeAll
    static void render() throws IOException {
        Path dir = Path.of("target", "chart-tests", "real-run").toAbsolutePath();
        FixtureRun fixture = RealRunFixture.run();
        fixture.writeTo(dir);
        run = LoadedRun.readAll(List.of(dir)).get(0);
        charts = RunCharts.render(run, "");
        Path out = Files.createDirectories(Path.of("target", "chart-tests", "charts"));
        for (ChartImage c : charts.all()) {
            c.writeTo(out);
        }
    }

    @Test
    void rendersEveryChartKindOfARealRun() {
        List<String> names = charts.overview().stream().map(ChartImage::fileName).toList();
        assertEquals(List.of("matrix-map.png", "token-latency-generate-p16-g16.png", "token-latency-generate-p64-g16.png",
                "ttft-vs-prompt-length.png", "tpot-vs-context-depth.png", "decode-throughput-by-runtime.png", "ttft-by-runtime.png"),
                names, "one runtime on one device: runtimes side by side (one bar each), no device chart");
        assertEquals(4, charts.telemetry().size(), "one timeline per generate cell (2 precisions x 2 prompts)");
        assertTrue(charts.notes().isEmpty(), charts.notes().toString());
    }

    @Test
    void everyChartIsAReadablePngOfTheSharedWidth() throws IOException {
        for (ChartImage c : charts.all()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.png()));
            assertNotNull(img, c.fileName());
            assertEquals(ChartStyle.WIDTH, img.getWidth(), c.fileName());
            assertTrue(img.getHeight() >= 200, c.fileName());
            assertTrue(!c.title().isBlank() && !c.caption().isBlank(), c.fileName());
        }
    }

    @Test
    void chartsAreDeterministic() {
        RunCharts again = RunCharts.render(run, "");
        for (int i = 0; i < charts.all().size(); i++) {
            assertArrayEquals(charts.all().get(i).png(), again.all().get(i).png(), charts.all().get(i).fileName());
        }
    }
}
