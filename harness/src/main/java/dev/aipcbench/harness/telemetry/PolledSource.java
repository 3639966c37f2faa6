package dev.aipcbench.harness.telemetry;

import java.io.IOException;

/**
 * A source the recorder reads at its interval, always from the same thread. Rates (utilisation from
 * busy-time counters, power from energy counters) are computed between consecutive samples, so the
 * first sample of a recording only sets the baseline for them.
 */
public interface PolledSource extends TelemetrySource {

    /** Forgets previous readings and the followed process: a new recording starts. */
    void begin();

    /** Reads the source once and puts what it read into the sink, stamped {@code tNanos}. */
    void sample(long tNanos, SampleSink sink) throws IOException;
}
