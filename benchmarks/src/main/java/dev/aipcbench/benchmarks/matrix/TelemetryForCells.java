package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.harness.matrix.PlannedCell;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.harness.result.TelemetryResult;
import dev.aipcbench.harness.telemetry.TelemetryConfig;
import dev.aipcbench.harness.telemetry.TelemetryRecorder;
import dev.aipcbench.harness.telemetry.TelemetryRecording;
import dev.aipcbench.harness.telemetry.TelemetrySource;
import dev.aipcbench.harness.telemetry.TelemetrySources;

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
    /** How often the follower looks for a new fork; forks live seconds to hours. */
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
        long current = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long pid = JmhForks.current().stream().mapToLong(ProcessHandle::pid).max().orElse(0);
            if (pid != current && pid != 0) {
                recorder.follow(pid);
                current = pid;
            }
            try {
                Thread.sleep(FOLLOW_POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
