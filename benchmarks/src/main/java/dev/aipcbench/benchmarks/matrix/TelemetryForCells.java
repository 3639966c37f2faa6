package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.harness.matrix.Profile;

import java.nio.file.Path;

/** Builds the telemetry that records beside each cell's forks, from the profile's telemetry settings. */
final class TelemetryForCells {
    private TelemetryForCells() {
    }

    static CellTelemetry create(Profile profile, Path resultsDir) {
        return CellTelemetry.off();
    }
}
