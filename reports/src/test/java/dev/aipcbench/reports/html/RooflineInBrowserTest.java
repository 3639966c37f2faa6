package dev.aipcbench.reports.html;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.Workload;
import dev.aipcbench.reports.fixture.CharacterisedRun;
import dev.aipcbench.reports.fixture.DerivedRuns;
import dev.aipcbench.reports.fixture.FixtureRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The roofline and the token anatomy in headless Chromium, on the real run with its cells' token costs and ONNX
 * Runtime's profiles (both real) and the CPU's characterise cells: the roofline chart is drawn, each token cell's
 * % of roofline is the bytes (or FLOPs) the tiny model's dimensions give over its measured TPOT (TTFT) against the
 * ceiling, reckoned here from the dimensions by hand, and each profiled cell has its stacked bars summing to the
 * profiled step. With two machines the characterisation is compared side by side.
 */
class RooflineInBrowserTest {
    private static final Path WORK = Path.of("target", "report-tests", "roofline").toAbsolutePath();
    private static HeadlessChromium chromium;
    private static RunResults run;
    private static ReportFiles single;
    private static ReportFiles comparison;

    @BeforeAll
    static void writeReports() throws IOException {
        FixtureRun characterised = CharacterisedRun.run();
        run = characterised.results();
        single = ReportWriter.write(List.of(characterised.writeTo(WORK.resolve("single/results"))), WORK.resolve("single/report"));
        FixtureRun faster = DerivedRuns.otherMachine(characterised, "lunar-lake-laptop", "Intel(R) Core(TM) Ultra 7 268V", 2.0);
        comparison = ReportWriter.write(List.of(characterised.writeTo(WORK.resolve("compare/a")), faster.writeTo(WORK.resolve("compare/b"))),
                WORK.resolve("compare/report"));
        chromium = HeadlessChromium.start(WORK.resolve("chromium-profile-" + ProcessHandle.current().pid()));
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theRooflineChartOfTheCpuIsDrawn() {
        chromium.open(single.html());
        assertEquals(List.of(), chromium.consoleErrors());
        Object width = chromium.script("const i = document.querySelector(\"img[alt='Roofline: cpu']\");"
                + " return i && i.complete ? i.naturalWidth : -1;");
        assertTrue(((Number) width).longValue() > 0, "the roofline PNG loaded: " + width);
        String caption = (String) chromium.script("return document.querySelector('#chart-roofline-cpu figcaption').textContent;");
        assertTrue(caption.contains("read bandwidth"), caption);
    }

    @Test
    void everyTokenCellShowsItsShareOfTheMeasuredCeilings() {
        chromium.open(single.html());
        Map<String, List<String>> rows = rows("cells");
        int decode = column("cells", "decode % roofline");
        int prefill = column("cells", "prefill % roofline");
        int checked = 0;
        for (CellResult c : run.cells()) {
            if (!c.ok() || !(c.workload() instanceof Workload.Generate || c.workload() instanceof Workload.Decode
                    || c.workload() instanceof Workload.Prefill)) {
                continue;
            }
            List<String> row = rows.get(c.id());
            if (!(c.workload() instanceof Workload.Prefill)) {
                double gbPerS = decodeBytes(c) / (median(c, MetricCatalog.TPOT_MS.name()) / 1000) / 1e9;
                String expected = String.format(Locale.ROOT, "%.0f %% (", 100 * gbPerS / CharacterisedRun.READ_GB_S);
                assertTrue(row.get(decode).startsWith(expected), c.id() + ": " + row.get(decode) + " expected " + expected);
                checked++;
            }
            if (!(c.workload() instanceof Workload.Decode)) {
                double gflopPerS = prefillFlops(c) / (median(c, MetricCatalog.TTFT_MS.name()) / 1000) / 1e9;
                String expected = String.format(Locale.ROOT, "%.0f %% (", 100 * gflopPerS / CharacterisedRun.MATMUL_M512_GFLOP_S.get(c.precision()));
                assertTrue(row.get(prefill).startsWith(expected), c.id() + ": " + row.get(prefill) + " expected " + expected);
                checked++;
            }
        }
        assertTrue(checked >= 14, "fp32 and int4: 2 generate cells (both phases), 2 prefill, 3 decode: " + checked);
    }

    @Test
    void eachProfiledCellHasAStackedBarPerStepThatSumsToTheProfiledStep() {
        chromium.open(single.html());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bars = (List<Map<String, Object>>) chromium.script(
                "return Array.from(document.querySelectorAll('tr.anatomy-row')).map(r => ({cell: r.dataset.cell, step: r.dataset.step,"
                        + " ops: Array.from(r.querySelectorAll('.anatomy-part')).map(s => s.dataset.op),"
                        + " ms: Array.from(r.querySelectorAll('.anatomy-part')).reduce((a, s) => a + parseFloat(s.dataset.ms), 0),"
                        + " width: Array.from(r.querySelectorAll('.anatomy-part')).reduce((a, s) => a + s.getBoundingClientRect().width, 0),"
                        + " bar: r.querySelector('.anatomy-bar').clientWidth}));");
        long profiled = run.cells().stream().filter(c -> c.ok() && "onnxruntime".equals(c.runtime()))
                .filter(c -> !(c.workload() instanceof Workload.Characterise)).count();
        assertEquals(2 * profiled, bars.size(), "a prefill and a decode bar for every profiled cell");
        for (Map<String, Object> bar : bars) {
            CellResult c = run.cell((String) bar.get("cell")).orElseThrow();
            String step = (String) bar.get("step");
            double stepMs = Double.parseDouble(c.session().get(step + "_profiled_ms"));
            assertEquals(stepMs, ((Number) bar.get("ms")).doubleValue(), 0.002 * bar.size(), bar + ": the parts sum to the profiled step");
            assertEquals(((Number) bar.get("bar")).doubleValue(), ((Number) bar.get("width")).doubleValue(), 2.0, bar + ": the parts fill the bar");
            @SuppressWarnings("unchecked")
            List<String> ops = (List<String>) bar.get("ops");
            assertTrue(ops.contains(c.precision().equals("int4") ? "MatMulNBits" : "MatMul"), bar.toString());
        }
    }

    @Test
    void twoMachinesCompareTheirCharacterisationSideBySide() {
        chromium.open(comparison.html());
        assertEquals(List.of(), chromium.consoleErrors());
        Map<String, List<String>> rows = rows("comparison-characterise");
        assertEquals(List.of("onnxruntime/cpu/fp32/characterise-t1", "onnxruntime/cpu/int4/characterise-t1"), List.copyOf(rows.keySet()));
        int ratio = column("comparison-characterise", MetricCatalog.READ_GB_S.name() + " B/A");
        rows.values().forEach(r -> assertEquals("2.00\u00d7", r.get(ratio), r.toString()));
        assertFalse(rows("comparison").keySet().stream().anyMatch(id -> id.contains("characterise")), "the tokens' table holds tokens");
    }

    /** Bytes of a decode step at its (mean) depth: weights as stored plus the fp32 KV cache, from the dimensions by hand. */
    private static double decodeBytes(CellResult c) {
        ModelDimensions d = ModelDimensions.tiny();
        long h = d.hidden();
        long[][] matrices = {{h, d.qkvWidth()}, {d.queryWidth(), h}, {h, 2L * d.intermediate()}, {d.intermediate(), h}};
        double weights = 0;
        for (long[] m : matrices) {
            weights += d.layers() * matrixBytes(c.precision(), m[0], m[1]);
        }
        weights += matrixBytes(c.precision(), h, d.vocab()) + h * 4 + (2L * d.layers() + 1) * h * 4;
        double depth = c.workload() instanceof Workload.Decode dec ? dec.contextDepth()
                : ((Workload.Generate) c.workload()).promptTokens() + ((Workload.Generate) c.workload()).genTokens() / 2.0;
        return weights + depth * 2 * d.layers() * d.kvWidth() * 4;
    }

    /** fp32: 4 bytes a weight; int4 MatMulNBits: half a byte a weight and an fp32 scale per block of 32. */
    private static double matrixBytes(String precision, long k, long n) {
        return precision.equals("fp32") ? 4.0 * k * n : k * n / 2.0 + n * (k / 32) * 4.0;
    }

    private static double prefillFlops(CellResult c) {
        ModelDimensions d = ModelDimensions.tiny();
        int p = c.workload().parameters().get("prompt_tokens");
        double perToken = 2.0 * (d.layers() * ((double) d.hidden() * d.qkvWidth() + (double) d.queryWidth() * d.hidden()
                + 3.0 * d.hidden() * d.intermediate()) + (double) d.hidden() * d.vocab());
        return p * perToken + 4.0 * d.layers() * d.queryWidth() * p * (p + 1) / 2.0;
    }

    private static double median(CellResult c, String metric) {
        return c.metrics().get(metric).summary().median();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> rows(String table) {
        List<List<String>> rows = (List<List<String>>) chromium.script("return Array.from(document.querySelectorAll('table#' + arguments[0]"
                + " + ' tbody tr')).map(r => Array.from(r.cells).map(td => td.textContent.trim()));", table);
        Map<String, List<String>> byId = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.get(0), r));
        return byId;
    }

    private static int column(String table, String title) {
        @SuppressWarnings("unchecked")
        List<String> heads = (List<String>) chromium.script("return Array.from(document.querySelectorAll('table#' + arguments[0]"
                + " + ' thead th')).map(th => th.textContent.trim().replace(/ [\\u25b2\\u25bc]$/, ''));", table);
        int i = heads.indexOf(title);
        assertTrue(i >= 0, "no column " + title + " in " + table + ": " + heads);
        return i;
    }
}
