package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.harness.matrix.PlannedCell;
import dev.aipcbench.results.TelemetryResult;

/** Records device telemetry beside a cell's JMH forks. */
interface CellTelemetry {
    Recording start(PlannedCell cell);

    /** One cell's recording; {@link #stop} returns its summaries (null when telemetry is off). */
    interface Recording {
        TelemetryResult stop(long tokensInCell);
    }

    /** Telemetry switched off in the profile ({@code telemetry.enabled: false}). */
    static CellTelemetry off() {
        return cell -> tokens -> null;
    }
}
