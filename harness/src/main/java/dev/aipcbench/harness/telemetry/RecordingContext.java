package dev.aipcbench.harness.telemetry;

import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What a streaming source needs to know about the recording it takes part in: the recorder's clock,
 * the instant it started (on that clock and as wall-clock time, to place readings that carry their
 * own timestamps) and where files kept with the results go ({@code artifactStem} + an extension, e.g.
 * {@code results/<run>/telemetry/<cell>} + {@code .etl}).
 */
public record RecordingContext(LongSupplier nanoClock, long startNanos, long startEpochMillis, Path artifactStem) {

    /** The recorder's clock now. */
    public long now() {
        return nanoClock.getAsLong();
    }

    /** A wall-clock instant (epoch milliseconds) on the recorder's clock. */
    public long nanosAt(long epochMillis) {
        return startNanos + (epochMillis - startEpochMillis) * 1_000_000L;
    }
}
