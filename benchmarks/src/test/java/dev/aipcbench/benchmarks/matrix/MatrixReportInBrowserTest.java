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
            // Same weights, same tokens: the agreement table has a row per runtime that generated (the quick preset
            // plans every installed one: the suite's loop and onnxruntime-genai at least), each with its probe's
            // tokens against the fp32 reference, as the results record them.
            List<String> generated = r.cells().stream().filter(c -> c.ok() && c.output() != null)
                    .map(c -> c.runtime() + "|" + c.device() + "|" + c.precision()).distinct().sorted().toList();
            assertTrue(generated.contains("onnxruntime|cpu|int4") && generated.contains("onnxruntime-genai|cpu|int4"), generated.toString());
            @SuppressWarnings("unchecked")
            List<List<String>> agreement = (List<List<String>>) chromium.script("return Array.from(document.querySelectorAll("
                    + "'table#agreement-0 tbody tr')).map(tr => Array.from(tr.cells).map(td => td.innerText.trim()));");
            assertEquals(generated, agreement.stream().map(row -> row.get(1) + "|" + row.get(2) + "|" + row.get(0)).sorted().toList(),
                    "one agreement row per runtime x device x precision that generated");
            for (List<String> row : agreement) {
                var cell = r.cells().stream().filter(c -> c.ok() && c.output() != null && c.runtime().equals(row.get(1))
                        && c.precision().equals(row.get(0))).findFirst().orElseThrow();
                var a = cell.output().agreement();
                assertTrue(row.get(3).startsWith(a.leading() + "/" + a.of()), row + " against " + a);
                assertTrue(row.get(5).startsWith("agrees") || row.get(5).startsWith("drifts"), "no defect on the same weights: " + row);
            }
            String summary = Files.readString(out.resolve(ReportWriter.SUMMARY_MD));
            assertTrue(summary.contains("### Output agreement") && summary.contains("| int4 | onnxruntime-genai | cpu | "), summary);
            Path shot = chromium.screenshot(Path.of("target", "screenshots", "matrix-quick-report.png").toAbsolutePath(), 30_000);
            assertTrue(Files.size(shot) > 10_000);
        }
    }
}
