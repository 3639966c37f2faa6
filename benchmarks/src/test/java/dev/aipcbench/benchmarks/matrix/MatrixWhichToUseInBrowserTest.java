package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.TestRuns;
import dev.aipcbench.benchmarks.cli.Main;
import dev.aipcbench.reports.format.NumberText;
import dev.aipcbench.reports.html.HeadlessChromium;
import dev.aipcbench.reports.html.ReportWriter;
import dev.aipcbench.reports.html.WhichToUseChecks;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.Summary;
import dev.aipcbench.results.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "What should I run on this PC?" answered by a real quick run of ONNX Runtime and llama.cpp (both installed in the
 * suite's runtime environment) through the suite's CLI: the report says it first, in the browser, and summary.md
 * in a few lines. The quick profile plans the iGPU and NPU this host lacks, so their cells end skipped or
 * unsupported and must be named with their reasons.
 */
class MatrixWhichToUseInBrowserTest {

    @Test
    void aQuickRunOfTwoRuntimesSaysWhichToUseWithRatiosAndWhatDidNotRun(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Main.run("--matrix", "quick", "--runtimes", "onnxruntime,llama.cpp", "--out", out.toString(),
                "--cache-dir", TestRuns.cacheDir(), "--forks", "1", "--warmup", "1", "--iterations", "2"));
        RunResults r = ResultsFolder.read(out);
        assertEquals(List.of("llama.cpp", "onnxruntime"), r.cells().stream().filter(CellResult::ok).map(CellResult::runtime)
                .distinct().sorted().toList(), "both runtimes ran");
        assertTrue(r.cells().stream().anyMatch(c -> c.device().equals("npu") && c.status() == CellStatus.SKIPPED),
                "the NPU this host lacks is planned and skipped");

        try (HeadlessChromium chromium = HeadlessChromium.start(tmp.resolve("chromium-profile"))) {
            WhichToUseChecks.check(chromium, out.resolve(ReportWriter.HTML), r);
            chromium.screenshot(Path.of("target", "screenshots", "matrix-which-to-use.png").toAbsolutePath(), 30_000);
        }

        String md = Files.readString(out.resolve(ReportWriter.SUMMARY_MD));
        List<String> which = md.lines().dropWhile(l -> !l.equals("### Which to use")).skip(2).takeWhile(l -> !l.isEmpty()).toList();
        assertEquals(2, which.size(), "the quick run's one generation, then what did not run: " + which);
        List<CellResult> generate = r.cells().stream().filter(c -> c.ok() && c.workload() instanceof Workload.Generate)
                .sorted(Comparator.comparingDouble(MatrixWhichToUseInBrowserTest::decode).reversed()).toList();
        String faster = generate.get(0).runtime() + " \u00b7 cpu";
        String slower = generate.get(1).runtime() + " \u00b7 cpu";
        String ratio = NumberText.ratio(decode(generate.get(0)) / decode(generate.get(1)));
        assertTrue(which.get(0).startsWith("- **int4 \u00b7 " + generate.get(0).workload().label() + "**: decode throughput: "
                + faster + " "), which.get(0));
        assertTrue(which.get(0).contains(ratio + " better than " + slower), ratio + " in " + which.get(0));
        assertTrue(which.get(1).startsWith("- **int4, did not run**: "), which.get(1));
        assertTrue(which.get(1).contains("onnxruntime \u00b7 npu: skipped (no NPU found)"), which.get(1));
        assertTrue(which.get(1).contains("llama.cpp \u00b7 npu: unsupported (llama.cpp has no NPU backend)"), which.get(1));
        assertTrue(which.stream().allMatch(l -> l.length() < 700), "short enough for a job summary");
    }

    private static double decode(CellResult c) {
        return Summary.median(c.metrics().get(MetricCatalog.DECODE_TOK_S.name()).allSamples());
    }
}
