package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.harness.matrix.PlannedCell;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.results.TelemetryResult;
import dev.aipcbench.harness.telemetry.TelemetryConfig;
import dev.aipcbench.harness.telemetry.TelemetryRecorder;
import dev.aipcbench.harness.telemetry.TelemetryRecording;
import dev.aipcbench.harness.telemetry.TelemetrySource;
import dev.aipcbench.harness.telemetry.catalog.TelemetrySources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Device telemetry beside each cell: the profile's sources record on the host while the cell's JMH
 * forks run, following each fork's pid as JMH starts it (a fork's memory and CPU belong to the cell;
 * the host JVM's do not). The series go to {@code telemetry/<cell>.csv}, summaries into the cell.
 */
final class TelemetryForCells implements CellTelemetry {
    /**
     * How often the follower checks its fork. Checking that the followed fork lives is one cheap system
     * call; listing this process's children scans every process of the machine (0.6 ms of CPU here),
     * so that only happens when no live fork is followed.
     */
    private static final long FOLLOW_POLL_MS = 50;

    private final List<TelemetrySource> sources;
    private final Path resultsDir;

    private TelemetryForCells(List<TelemetrySource> sources, Path resultsDir) {
        this.sources = sources;
        this.resultsDir = resultsDir;
    }

    static CellTelemetry create(Profile profile, Path resultsDir) {
        Profile.Telemetry t = profile.telemetry();
        TelemetryConfig config = new TelemetryConfig(true, t.intervalMs(), t.npuIntervalMs(), Path.of("/"), t.etw(),
                Set.of(), new HashSet<>(t.exclude()), Map.of());
        return new TelemetryForCells(TelemetrySources.defaults(config), resultsDir);
    }

    @Override
    public Recording start(PlannedCell cell) {
        String seriesFile = TelemetryRecording.seriesFile(cell.id());
        Path stem = resultsDir.resolve(seriesFile.substring(0, seriesFile.length() - ".csv".length()));
        TelemetryRecorder recorder = TelemetryRecorder.start(sources, stem);
        Thread follower = new Thread(() -> followForks(recorder), "aipc-bench-telemetry-follow");
        follower.setDaemon(true);
        follower.start();
        return tokens -> {
            follower.interrupt();
            try {
                follower.join(1000);
                TelemetryRecording recording = recorder.stop(tokens);
                recording.writeSeries(resultsDir.resolve(seriesFile));
                return recording.result(seriesFile);
            } catch (IOException e) {
                return new TelemetryResult(null, List.of(new TelemetryResult.Source("recorder", "unavailable",
                        "cannot write " + seriesFile + ": " + e.getMessage(), null, null)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                recorder.close();
            }
        };
    }

    private static void followForks(TelemetryRecorder recorder) {
        ProcessHandle current = null;
        while (!Thread.currentThread().isInterrupted()) {
            if (current == null || !current.isAlive()) {
                ProcessHandle fork = JmhForks.current().stream().max(java.util.Comparator.comparingLong(ProcessHandle::pid)).orElse(null);
                if (fork != null && (current == null || fork.pid() != current.pid())) {
                    recorder.follow(fork.pid());
                    current = fork;
                }
            }
            try {
                Thread.sleep(FOLLOW_POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
