package dev.aipcbench.history.store;

import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A stored run written back as a results folder (results.json, results.csv and its telemetry series), which
 * every command that reads folders (report, gate, --resume) takes as it took the original.
 */
public final class RunExport {
    private final StoredRuns runs;

    public RunExport(StoredRuns runs) {
        this.runs = runs;
    }

    /** Writes the run into {@code dir}; a folder already holding a run is refused, never overwritten. */
    public RunResults write(String runKey, Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + ": is a file, expected a folder for the run");
        }
        if (Files.isRegularFile(dir.resolve(ResultsFolder.RESULTS_JSON))) {
            throw new IllegalArgumentException("--out " + dir + " already holds a run; export into another folder");
        }
        RunResults run = runs.load(runKey);
        write(run, runs.telemetrySeries(runKey), dir);
        return run;
    }

    /** Writes {@code run} and its telemetry series files ({@link StoredRuns#telemetrySeries}) into {@code dir}. */
    public static void write(RunResults run, Map<String, String> series, Path dir) throws IOException {
        new ResultsFolder(dir).write(run);
        for (Map.Entry<String, String> f : series.entrySet()) {
            Path target = dir.resolve(f.getKey()).normalize();
            if (!target.startsWith(dir.normalize())) {
                continue; // a path out of the folder is no telemetry file of this run
            }
            Files.createDirectories(target.getParent());
            ResultsFolder.writeAtomically(target, f.getValue());
        }
    }
}
