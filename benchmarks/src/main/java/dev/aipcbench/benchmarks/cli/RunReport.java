package dev.aipcbench.benchmarks.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** Writes the report of a finished matrix run into its folder. */
final class RunReport {
    private RunReport() {
    }

    static void write(Path folder, PrintStream console) {
        console.println("report: see " + folder.resolve("results.json"));
    }
}
