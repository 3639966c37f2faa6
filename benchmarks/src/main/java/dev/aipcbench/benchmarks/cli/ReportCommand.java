package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.history.store.RunFilter;
import dev.aipcbench.reports.html.ReportFiles;
import dev.aipcbench.reports.html.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code run-bench report --in DIR [DIR ...] --out DIR}: charts, HTML comparison, CSV and Markdown; with
 * {@code --db URL} instead of folders, the same from the history store (each machine's latest run) plus trends.html.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write report.html (self-contained), charts/*.png, comparison.csv and summary.md for one or more",
                "results folders; with several folders (e.g. two machines) the first is the baseline of the comparison.",
                "With --db URL: the machines in the history store (each one's latest run) and trends.html (every run over time)."})
final class ReportCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    @Option(names = "--in", arity = "1..*", description = "Results folder(s).")
    List<Path> in;

    @Option(names = "--db", paramLabel = "URL", arity = "0..1", fallbackValue = "",
            description = "Report from the history store instead (--db alone: the default SQLite file; see 'history --help').")
    String db;

    @Option(names = "--hosts", split = ",", description = "With --db: only these machines (host names or fingerprints).")
    List<String> hosts;

    @Option(names = "--since", description = "With --db: only runs started on or after this date (2026-12-01) or instant.")
    String since;

    @Option(names = "--runtimes", split = ",", description = "With --db: only cells of these runtimes.")
    List<String> runtimes;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (db != null) {
            if (in != null) {
                throw new IllegalArgumentException("report: give --in DIR ... or --db URL, not both");
            }
            return HistoryReportRun.write(db, new RunFilter(hosts, HistoryReportRun.since(since), runtimes), out);
        }
        if (in == null) {
            throw new IllegalArgumentException("report: no results folder given (--in DIR [DIR ...], or --db URL for the history)");
        }
        ReportFiles files = ReportWriter.write(in, out);
        System.err.printf("report: %s (%d charts), %s, %s%n", files.html(), files.charts().size(), files.comparisonCsv(), files.markdown());
        System.out.println(files.html().toAbsolutePath());
        return 0;
    }
}
