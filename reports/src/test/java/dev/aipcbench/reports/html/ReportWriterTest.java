package dev.aipcbench.reports.html;

import dev.aipcbench.results.RunResults;
import dev.aipcbench.reports.fixture.DerivedRuns;
import dev.aipcbench.reports.fixture.RealRunFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheFourPartsOfAReport() throws IOException {
        Path results = RealRunFixture.run().writeTo(tmp.resolve("results"));
        ReportFiles files = ReportWriter.write(List.of(results), tmp.resolve("report"));
        assertEquals(tmp.resolve("report/report.html"), files.html());
        assertTrue(Files.size(files.html()) > 10_000);
        assertTrue(Files.readString(files.markdown()).startsWith("## aipc-bench results"));
        assertTrue(Files.readString(files.comparisonCsv()).startsWith("cell,runtime,device,precision,workload,metric"));
        assertFalse(files.charts().isEmpty());
        for (Path chart : files.charts()) {
            assertTrue(chart.startsWith(tmp.resolve("report/charts")) && Files.size(chart) > 0, chart.toString());
        }
    }

    @Test
    void theHtmlIsSelfContained() throws IOException {
        Path results = RealRunFixture.run().writeTo(tmp.resolve("results"));
        String html = Files.readString(ReportWriter.write(List.of(results), tmp.resolve("report")).html());
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no network references");
        assertFalse(html.contains("<link rel=\"stylesheet\""));
        assertTrue(html.contains("<img src=\"data:image/png;base64,"));
        assertTrue(html.contains("Content-Security-Policy"));
    }

    @Test
    void aMatrixRunWritesItsReportIntoItsOwnFolderAndAgainWithoutStaleCharts() throws IOException {
        Path run = RealRunFixture.run().writeTo(tmp.resolve("run"));
        Path stale = Files.createDirectories(run.resolve("charts")).resolve("old-chart.png");
        Files.write(stale, new byte[] {1});
        ReportWriter.write(List.of(run), run);
        ReportFiles again = ReportWriter.write(List.of(run), run);
        assertFalse(Files.exists(stale));
        try (var pngs = Files.list(run.resolve("charts"))) {
            assertEquals(again.charts().size(), pngs.count());
        }
        assertTrue(Files.exists(run.resolve("results.json")));
    }

    @Test
    void namesFromResultsAreEscaped() throws IOException {
        Path results = DerivedRuns.hostileNames(RealRunFixture.run()).writeTo(tmp.resolve("hostile"));
        String html = Files.readString(ReportWriter.write(List.of(results), tmp.resolve("report")).html());
        assertTrue(html.contains("&lt;script&gt;alert(&#39;model&#39;)&lt;/script&gt;phi3-tiny"));
        assertTrue(html.contains("quick&quot;&gt;&lt;script&gt;alert(&quot;profile&quot;)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quotes&#39;"));
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<img src=x"));
        assertEquals(1, html.split("<script>", -1).length - 1, "only the report's own sort script");
    }

    @Test
    void inputErrorsAreOneLineNamingWhatIsWrong() throws IOException {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ReportWriter.write(List.of(), tmp.resolve("out")));
        assertTrue(none.getMessage().contains("--in"), none.getMessage());

        Path missing = tmp.resolve("no-such-run");
        IllegalArgumentException notFound = assertThrows(IllegalArgumentException.class,
                () -> ReportWriter.write(List.of(missing), tmp.resolve("out")));
        assertTrue(notFound.getMessage().startsWith(missing + ": not found"), notFound.getMessage());

        Path results = RealRunFixture.run().writeTo(tmp.resolve("results"));
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        IllegalArgumentException outIsFile = assertThrows(IllegalArgumentException.class,
                () -> ReportWriter.write(List.of(results), file));
        assertEquals("--out " + file + ": is a file, expected a folder for the report", outIsFile.getMessage());
        IllegalArgumentException outUnderFile = assertThrows(IllegalArgumentException.class,
                () -> ReportWriter.write(List.of(results), file.resolve("report")));
        assertTrue(outUnderFile.getMessage().startsWith("--out " + file.resolve("report") + ": cannot create the folder"),
                outUnderFile.getMessage());
        assertFalse(outUnderFile.getMessage().contains("\n"));
    }

    @Test
    void aMissingTelemetryFileBecomesANoteNotAFailedReport() throws IOException {
        Path results = RealRunFixture.run().writeTo(tmp.resolve("results"));
        RunResults r = RealRunFixture.run().results();
        String series = r.cells().stream().filter(c -> c.telemetry() != null).findFirst().orElseThrow()
                .telemetry().seriesFile();
        Files.delete(results.resolve(series));
        String html = Files.readString(ReportWriter.write(List.of(results), tmp.resolve("report")).html());
        assertTrue(html.contains("telemetry series file not found: " + results.resolve(series)), "note in the summary");
    }
}
