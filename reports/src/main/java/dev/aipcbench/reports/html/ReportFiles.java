package dev.aipcbench.reports.html;

import java.nio.file.Path;
import java.util.List;

/** What {@link ReportWriter} wrote: report.html, charts/*.png, comparison.csv and summary.md. */
public record ReportFiles(Path html, List<Path> charts, Path comparisonCsv, Path markdown) {
}
