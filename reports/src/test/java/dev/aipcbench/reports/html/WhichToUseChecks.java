package dev.aipcbench.reports.html;

import dev.aipcbench.reports.format.NumberText;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.Summary;
import dev.aipcbench.results.Workload;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reader of a one-machine report with several runtimes must see, checked in the browser against the
 * run's own results (winners and ratios recomputed here from the raw samples): "Which to use" first, naming the
 * faster runtime · device with its ratio and every contender that did not run with its reason; the runtimes side
 * by side with one column group each; the grouped chart loading. Used by the reports module's tests and the
 * matrix run's.
 */
public final class WhichToUseChecks {
    private WhichToUseChecks() {
    }

    public static void check(HeadlessChromium chromium, Path html, RunResults run) {
        chromium.open(html);
        assertEquals(List.of(), chromium.consoleErrors());
        assertEquals("which-to-use", chromium.script("return document.querySelector('section').id;"), "the first section");
        WebElement section = chromium.driver().findElement(By.id("which-to-use"));

        int compared = 0;
        Map<List<Object>, List<CellResult>> byGroup = run.cells().stream().filter(c -> c.ok() && has(c))
                .collect(Collectors.groupingBy(c -> List.of(c.precision(), c.workload())));
        for (Map.Entry<List<Object>, List<CellResult>> e : byGroup.entrySet()) {
            List<CellResult> ranked = new ArrayList<>(e.getValue());
            ranked.sort(Comparator.comparingDouble(WhichToUseChecks::decode).reversed());
            if (ranked.size() < 2) {
                continue;
            }
            String precision = (String) e.getKey().get(0);
            Workload w = (Workload) e.getKey().get(1);
            WebElement row = section.findElement(By.cssSelector("table[id$='-" + precision + "'] tr[data-metric='"
                    + MetricCatalog.DECODE_TOK_S.name() + "'][data-workload='" + w.key() + "']"));
            String best = row.findElement(By.cssSelector("td.best")).getAttribute("data-contender");
            assertEquals(ranked.get(0).runtime() + " \u00b7 " + ranked.get(0).device(), best, precision + " " + w.label());
            String ratio = NumberText.ratio(decode(ranked.get(0)) / decode(ranked.get(1))) + " better";
            assertEquals(ratio, row.findElement(By.cssSelector("td.ratio")).getText(), precision + " " + w.label());
            compared++;
        }
        assertTrue(compared > 0, "some workload ran on two runtimes");

        String notRun = section.findElements(By.cssSelector("p.not-run")).stream().map(WebElement::getText)
                .collect(Collectors.joining("\n"));
        for (CellResult c : run.cells()) {
            if (c.ok() || c.workload() instanceof Workload.Characterise) {
                continue; // characterise cells measure the hardware, not a choice: which-to-use leaves them out
            }
            String contender = c.runtime() + " \u00b7 " + c.device() + ": " + c.status().id() + " (";
            int at = notRun.indexOf(contender);
            assertTrue(at >= 0, c.id() + " is not named in " + notRun);
            String headline = notRun.substring(at + contender.length(), notRun.indexOf(')', at));
            assertFalse(headline.isBlank(), c.id());
            assertTrue(c.reason().startsWith(headline.replace("\u2026", "")), c.id() + ": '" + headline + "' heads '" + c.reason() + "'");
        }

        // every runtime planned on a row where something ran: those that did not run there show why in their group
        List<List<Object>> rowsRun = run.cells().stream().filter(CellResult::ok).map(WhichToUseChecks::row).distinct().toList();
        List<String> runtimes = run.cells().stream().filter(c -> rowsRun.contains(row(c))).map(CellResult::runtime)
                .distinct().sorted().toList();
        @SuppressWarnings("unchecked")
        List<String> groups = (List<String>) chromium.script("return Array.from(document.querySelectorAll("
                + "'table#side-by-side-runtime colgroup.contender')).map(g => g.dataset.contender);");
        assertEquals(runtimes, groups, "one column group per runtime");
        @SuppressWarnings("unchecked")
        List<String> heads = (List<String>) chromium.script("return Array.from(document.querySelectorAll("
                + "'table#side-by-side-runtime thead th.contender')).map(th => th.textContent);");
        assertEquals(runtimes, heads);
        assertTrue(chromium.driver().findElements(By.cssSelector("table#side-by-side-runtime td.best")).size() > 0, "bests marked");

        for (String chart : List.of("chart-decode-throughput-by-runtime", "chart-ttft-by-runtime")) {
            assertEquals(Boolean.TRUE, chromium.script("const i = document.querySelector('#' + arguments[0] + ' img');"
                    + " return i !== null && i.complete && i.naturalWidth > 0;", chart), chart + " loads");
        }
    }

    private static List<Object> row(CellResult c) {
        return List.of(c.device(), c.precision(), c.workload());
    }

    private static boolean has(CellResult c) {
        return c.metrics() != null && c.metrics().containsKey(MetricCatalog.DECODE_TOK_S.name());
    }

    private static double decode(CellResult c) {
        return Summary.median(c.metrics().get(MetricCatalog.DECODE_TOK_S.name()).allSamples());
    }
}
