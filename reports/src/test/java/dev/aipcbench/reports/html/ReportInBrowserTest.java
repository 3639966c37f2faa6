package dev.aipcbench.reports.html;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.reports.fixture.DerivedRuns;
import dev.aipcbench.reports.fixture.FixtureRun;
import dev.aipcbench.reports.fixture.RealRunFixture;
import dev.aipcbench.reports.fixture.TwoRuntimesFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's acceptance: real reports (from a real small run) rendered by headless Chromium.
 * Screenshots land in target/screenshots/ for a person to look at.
 */
class ReportInBrowserTest {
    private static final Path WORK = Path.of("target", "report-tests").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final double SPEED = 2.0;

    private static HeadlessChromium chromium;
    private static RunResults single;
    private static ReportFiles singleReport;
    private static ReportFiles comparisonReport;
    private static ReportFiles hostileReport;
    private static FixtureRun twoRuntimes;
    private static ReportFiles twoRuntimesReport;

    @BeforeAll
    static void writeReports() throws IOException {
        FixtureRun real = RealRunFixture.run();
        single = real.results();
        singleReport = ReportWriter.write(List.of(real.writeTo(WORK.resolve("single/results"))), WORK.resolve("single/report"));

        FixtureRun other = DerivedRuns.otherMachine(real, "lunar-lake-laptop", "Intel(R) Core(TM) Ultra 7 268V", SPEED);
        comparisonReport = ReportWriter.write(List.of(real.writeTo(WORK.resolve("compare/a")),
                other.writeTo(WORK.resolve("compare/b"))), WORK.resolve("compare/report"));

        hostileReport = ReportWriter.write(List.of(DerivedRuns.hostileNames(real).writeTo(WORK.resolve("hostile/results"))),
                WORK.resolve("hostile/report"));
        twoRuntimes = TwoRuntimesFixture.run();
        twoRuntimesReport = ReportWriter.write(List.of(twoRuntimes.writeTo(WORK.resolve("two-runtimes/results"))),
                WORK.resolve("two-runtimes/report"));
        chromium = HeadlessChromium.start(WORK.resolve("chromium-profile-" + ProcessHandle.current().pid()));
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aRealReportRendersWithoutConsoleErrorsAndWithEveryImage() throws IOException {
        chromium.open(singleReport.html());
        assertEquals(List.of(), chromium.consoleErrors());
        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) chromium.script(
                "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt);");
        assertEquals(List.of(), broken, "images that did not load");
        long images = (Long) chromium.script("return document.images.length;");
        assertEquals(singleReport.charts().size(), images, "every chart is embedded once");

        Path shot = chromium.screenshot(SCREENSHOTS.resolve("report.png"), 30_000);
        assertNotNull(ImageIO.read(shot.toFile()), "screenshot is a PNG");
        Path top = SCREENSHOTS.resolve("report-top.png");
        Files.write(top, chromium.driver().findElement(By.tagName("body")).getScreenshotAs(OutputType.BYTES));
        element("cells", SCREENSHOTS.resolve("report-cells.png"));
        assertTrue(Files.size(shot) > 0);
    }

    @Test
    void theCellTableHasOneRowPerCellWithStatusAndReason() {
        chromium.open(singleReport.html());
        List<WebElement> rows = chromium.driver().findElements(By.cssSelector("table#cells tbody tr"));
        assertEquals(single.cells().size(), rows.size());
        int status = column("cells", "status");
        int reason = column("cells", "reason");
        for (CellResult c : single.cells()) {
            WebElement row = rows.stream().filter(r -> r.findElements(By.tagName("td")).get(0).getText().equals(c.id()))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + c.id()));
            List<WebElement> tds = row.findElements(By.tagName("td"));
            assertEquals(c.status().id(), tds.get(status).getText(), c.id());
            if (!c.ok()) {
                assertTrue(tds.get(reason).getText().startsWith(c.reason().lines().findFirst().orElseThrow().strip()),
                        c.id() + ": " + tds.get(reason).getText());
            }
        }
    }

    @Test
    void clickingAHeaderSortsTheCellTable() {
        chromium.open(singleReport.html());
        int status = column("cells", "status");
        header("cells", "status").click();
        List<String> ascending = columnTexts("cells", status);
        List<String> sorted = new ArrayList<>(ascending);
        sorted.sort(String::compareTo);
        assertEquals(sorted, ascending);
        assertEquals("failed", ascending.get(0));
        header("cells", "status").click();
        assertEquals("unsupported", columnTexts("cells", status).get(0));

        int decode = column("cells", "decode tok/s");
        header("cells", "decode tok/s").click();
        List<String> values = columnTexts("cells", decode);
        List<Double> numbers = values.stream().filter(v -> !v.equals("\u2013")).map(Double::parseDouble).toList();
        List<Double> inOrder = new ArrayList<>(numbers);
        inOrder.sort(Double::compare);
        assertEquals(inOrder, numbers, "numeric order, not text order");
        assertEquals("\u2013", values.get(values.size() - 1), "absent values last");
        assertEquals(List.of(), chromium.consoleErrors());
    }

    @Test
    void twoMachinesGiveAComparisonTableWithRatios() throws IOException {
        chromium.open(comparisonReport.html());
        assertEquals(List.of(), chromium.consoleErrors());
        WebElement table = chromium.driver().findElement(By.cssSelector("table#comparison.comparison"));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        long okCells = single.cells().stream().filter(CellResult::ok).count();
        long notOk = single.cells().stream().filter(c -> !c.ok()).count();
        assertEquals(okCells, rows.size(), "one row per cell ok on both machines");
        List<WebElement> notCompared = chromium.driver().findElements(By.cssSelector("#comparison ul.not-compared li"));
        assertEquals(notOk, notCompared.size(), "the others are listed with their statuses");
        assertTrue(notCompared.stream().anyMatch(li -> li.getText().contains("A skipped, B skipped: no NPU found")),
                notCompared.get(0).getText());

        int decodeRatio = column("comparison", "decode_tok_s B/A");
        int ttftRatio = column("comparison", "ttft_ms B/A");
        int compared = 0;
        for (WebElement row : rows) {
            List<WebElement> tds = row.findElements(By.tagName("td"));
            String decode = tds.get(decodeRatio).getText();
            if (!decode.equals("\u2013")) {
                assertEquals("2.00\u00d7", decode);
                assertTrue(tds.get(decodeRatio).getAttribute("class").contains("better"));
                compared++;
            }
            String ttft = tds.get(ttftRatio).getText();
            if (!ttft.equals("\u2013")) {
                assertEquals("0.50\u00d7", ttft, "TTFT halves on the machine twice as fast");
            }
        }
        assertTrue(compared > 0, "some decode ratios");

        List<WebElement> hostHeads = chromium.driver().findElements(By.cssSelector("table#hosts thead th"));
        assertEquals(3, hostHeads.size(), "a fact column and one per machine");
        WebElement fingerprint = chromium.driver().findElement(By.cssSelector("table#hosts tbody tr"));
        assertTrue(fingerprint.getAttribute("class").contains("differs"), "the fingerprints differ");
        String text = chromium.driver().findElement(By.id("comparison")).getText();
        assertTrue(text.contains("decode_tok_s: lunar-lake-laptop is 2.00\u00d7 better"), text);
        List<WebElement> best = chromium.driver().findElements(By.cssSelector("#comparison ul.best-per-machine li"));
        assertEquals(2, best.size(), "a best line for each machine");
        assertTrue(best.get(1).getText().startsWith("lunar-lake-laptop: generate p16 g16: decode throughput: onnxruntime \u00b7 cpu \u00b7 "),
                best.get(1).getText());

        element("comparison", SCREENSHOTS.resolve("comparison.png"));
        chromium.screenshot(SCREENSHOTS.resolve("comparison-report.png"), 30_000);
    }

    @Test
    void twoRuntimesOnOneMachineAreComparedFirstSideBySideAndInOneChart() throws IOException {
        WhichToUseChecks.check(chromium, twoRuntimesReport.html(), twoRuntimes.results());
        assertTrue(chromium.driver().findElements(By.id("side-by-side-device")).isEmpty(),
                "every runtime ran on the CPU only: no devices to compare");
        element("which-to-use", SCREENSHOTS.resolve("which-to-use.png"));
        element("side-by-side-runtime", SCREENSHOTS.resolve("side-by-side-runtime.png"));
        chromium.screenshot(SCREENSHOTS.resolve("two-runtimes-report.png"), 30_000);
    }

    @Test
    void markupInModelAndProfileNamesShowsAsText() {
        chromium.open(hostileReport.html());
        assertThrows(NoAlertPresentException.class, () -> chromium.driver().switchTo().alert());
        assertEquals(List.of(), chromium.consoleErrors());
        assertEquals(1L, chromium.script("return document.scripts.length;"), "only the report's own script");
        int model = column("cells", "model");
        List<String> models = columnTexts("cells", model);
        assertTrue(models.stream().allMatch(DerivedRuns.SCRIPT_MODEL::equals), models.toString());
        String summary = chromium.driver().findElement(By.id("summary")).getText();
        assertTrue(summary.contains(DerivedRuns.SCRIPT_PROFILE), summary);
        String cells = chromium.driver().findElement(By.id("cells")).getText();
        assertTrue(cells.contains(DerivedRuns.SCRIPT_REASON), "the reason shows as text");
        assertFalse((Boolean) chromium.script("return document.querySelector('img[src=\"x\"]') !== null;"));
    }

    private static void element(String id, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, chromium.driver().findElement(By.id(id)).getScreenshotAs(OutputType.BYTES));
    }

    private static WebElement header(String tableId, String title) {
        return chromium.driver().findElements(By.cssSelector("table#" + tableId + " thead th")).stream()
                .filter(th -> th.getText().replaceAll(" [\u25b2\u25bc]$", "").equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + title + " in table " + tableId));
    }

    private static int column(String tableId, String title) {
        List<WebElement> heads = chromium.driver().findElements(By.cssSelector("table#" + tableId + " thead th"));
        for (int i = 0; i < heads.size(); i++) {
            if (heads.get(i).getText().replaceAll(" [\u25b2\u25bc]$", "").equals(title)) {
                return i;
            }
        }
        throw new AssertionError("no column " + title + " in table " + tableId);
    }

    @SuppressWarnings("unchecked")
    private static List<String> columnTexts(String tableId, int column) {
        return (List<String>) chromium.script("return Array.from(document.querySelectorAll('table#' + arguments[0]"
                + " + ' tbody tr')).map(r => r.cells[arguments[1]].textContent.trim());", tableId, column);
    }
}
