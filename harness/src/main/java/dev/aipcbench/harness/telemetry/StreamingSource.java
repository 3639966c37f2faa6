package dev.aipcbench.harness.telemetry;

import java.io.IOException;

/**
 * A source that reads on its own (one long-lived command such as {@code typeperf} or
 * {@code nvidia-smi -lms}) and pushes readings into the sink from its own thread while it runs.
 */
public interface StreamingSource extends TelemetrySource {

    /** Starts reading into the sink; readings are stamped on {@code recording}'s clock. */
    void start(SampleSink sink, RecordingContext recording) throws IOException;

    /**
     * Stops reading; no reading reaches the sink after this returns. Returns why the stream gave
     * nothing usable (the command failed, its output was not what was expected), or ok.
     */
    Availability stop();
}
