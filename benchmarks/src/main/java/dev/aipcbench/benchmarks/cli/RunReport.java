package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.reports.html.ReportFiles;
import dev.aipcbench.reports.html.ReportWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Writes the report of a finished matrix run into its own folder. */
final class RunReport {
    private RunReport() {
    }

    static void write(Path folder, PrintStream console) throws IOException {
        ReportFiles files = ReportWriter.write(List.of(folder), folder);
        console.println("report: " + files.html().toAbsolutePath());
    }
}
