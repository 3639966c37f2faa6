package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.TestRuns;
import dev.aipcbench.benchmarks.cli.Main;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.reports.html.HeadlessChromium;
import dev.aipcbench.reports.html.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report a real {@code --matrix} run writes into its folder, rendered by headless Chromium. */
class MatrixReportInBrowserTest {

    @Test
    void theReportOfARealMatrixRunRendersWithEveryChartAndOneRowPerCell(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Main.run("--matrix", "quick", "--out", out.toString(), "--cache-dir", TestRuns.cacheDir(),
                "--iterations", "2"));
        RunResults r = ResultsFolder.read(out);
        Path html = out.resolve(ReportWriter.HTML);
        assertTrue(Files.isRegularFile(html) && Files.isRegularFile(out.resolve(ReportWriter.SUMMARY_MD)));
        try (HeadlessChromium chromium = HeadlessChromium.start(tmp.resolve("chromium-profile"))) {
            chromium.open(html);
            assertEquals(List.of(), chromium.consoleErrors());
            @SuppressWarnings("unchecked")
            List<String> broken = (List<String>) chromium.script(
                    "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt);");
            assertEquals(List.of(), broken);
            assertTrue((Long) chromium.script("return document.images.length;") >= 4, "charts are embedded");
            assertEquals(r.cells().size(), chromium.driver().findElements(By.cssSelector("table#cells tbody tr")).size());
            Path shot = chromium.screenshot(Path.of("target", "screenshots", "matrix-quick-report.png").toAbsolutePath(), 30_000);
            assertTrue(Files.size(shot) > 10_000);
        }
    }
}
