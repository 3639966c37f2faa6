package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.reports.html.ReportFiles;
import dev.aipcbench.reports.html.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code run-bench report --in DIR [DIR ...] --out DIR}: charts, HTML comparison, CSV and Markdown. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write report.html (self-contained), charts/*.png, comparison.csv and summary.md for one or more",
                "results folders; with several folders (e.g. two machines) the first is the baseline of the comparison."})
final class ReportCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    @Option(names = "--in", required = true, arity = "1..*", description = "Results folder(s).")
    List<Path> in;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ReportFiles files = ReportWriter.write(in, out);
        System.err.printf("report: %s (%d charts), %s, %s%n", files.html(), files.charts().size(), files.comparisonCsv(), files.markdown());
        System.out.println(files.html().toAbsolutePath());
        return 0;
    }
}
