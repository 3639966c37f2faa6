package dev.aipcbench.reports.compare;

import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A results folder as read for a report: where it lies (telemetry series are relative to it), what
 * it holds, and the label the report calls its machine by.
 */
public record LoadedRun(Path folder, RunResults results, String label) {

    /**
     * Reads every folder with {@link ResultsFolder#read}, whose IllegalArgumentException names the file
     * and what is wrong, and labels the runs so that no two share a label.
     */
    public static List<LoadedRun> readAll(List<Path> folders) {
        List<RunResults> results = new ArrayList<>();
        for (Path f : folders) {
            results.add(ResultsFolder.read(f));
        }
        List<String> labels = RunLabels.of(results);
        List<LoadedRun> runs = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            Path f = folders.get(i);
            Path dir = f.getFileName() != null && f.getFileName().toString().equals(ResultsFolder.RESULTS_JSON)
                    ? f.toAbsolutePath().getParent() : f.toAbsolutePath();
            runs.add(new LoadedRun(dir, results.get(i), labels.get(i)));
        }
        return List.copyOf(runs);
    }
}
