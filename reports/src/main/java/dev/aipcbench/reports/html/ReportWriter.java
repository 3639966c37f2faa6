package dev.aipcbench.reports.html;

import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.reports.chart.ChartImage;
import dev.aipcbench.reports.chart.RunCharts;
import dev.aipcbench.reports.compare.ComparisonCsv;
import dev.aipcbench.reports.compare.ComparisonTable;
import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.table.MarkdownSummary;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code run-bench report --in DIR [DIR ...] --out DIR}, and the end of every {@code --matrix} run
 * (into the run's own folder): reads the results folders and writes report.html, charts/*.png,
 * comparison.csv and summary.md into the output folder, each replaced atomically.
 */
public final class ReportWriter {
    public static final String HTML = "report.html";
    public static final String CHARTS = "charts";
    public static final String COMPARISON_CSV = "comparison.csv";
    public static final String SUMMARY_MD = "summary.md";

    private ReportWriter() {
    }

    /**
     * Writes the report of {@code inputFolders} (results folders, or their results.json) into {@code outDir}.
     *
     * @throws IllegalArgumentException with a one-line message for unreadable input (naming the file) or
     *                                  an unusable output folder
     */
    public static ReportFiles write(List<Path> inputFolders, Path outDir) throws IOException {
        if (inputFolders == null || inputFolders.isEmpty()) {
            throw new IllegalArgumentException("report: no results folder given (--in DIR [DIR ...])");
        }
        List<LoadedRun> runs = LoadedRun.readAll(inputFolders);
        Path out = OutputFolder.prepare(outDir);
        Path chartDir = Files.createDirectories(out.resolve(CHARTS));

        List<RunCharts> charts = new ArrayList<>();
        List<Path> chartFiles = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunCharts c = RunCharts.render(runs.get(i), runs.size() > 1 ? "run" + (i + 1) + "-" : "");
            charts.add(c);
            for (ChartImage image : c.all()) {
                chartFiles.add(image.writeTo(chartDir));
            }
        }
        removeStaleCharts(chartDir, chartFiles);

        List<RunResults> results = runs.stream().map(LoadedRun::results).toList();
        ComparisonTable comparison = ComparisonTable.of(results);
        Path html = out.resolve(HTML);
        ResultsFolder.writeAtomically(html, HtmlReport.render(runs, charts, comparison));
        Path csv = out.resolve(COMPARISON_CSV);
        ResultsFolder.writeAtomically(csv, ComparisonCsv.render(comparison, runs));
        Path md = out.resolve(SUMMARY_MD);
        ResultsFolder.writeAtomically(md, MarkdownSummary.render(results));
        return new ReportFiles(html, List.copyOf(chartFiles), csv, md);
    }

    /** A report written again into the same folder must not leave charts of the previous one behind. */
    private static void removeStaleCharts(Path chartDir, List<Path> written) throws IOException {
        Set<Path> keep = new HashSet<>(written);
        try (DirectoryStream<Path> pngs = Files.newDirectoryStream(chartDir, "*.png")) {
            for (Path p : pngs) {
                if (!keep.contains(p)) {
                    Files.delete(p);
                }
            }
        }
    }
}
