package dev.aipcbench.harness.telemetry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Records telemetry beside one cell: polls the polled sources, each at its own interval, on one
 * background daemon thread, runs the streaming sources' commands, follows the benchmark fork's pid
 * (known only after the fork started, and different for every fork) and, on {@link #stop(long)},
 * hands back what was recorded.
 *
 * <pre>{@code
 * try (TelemetryRecorder recorder = TelemetryRecorder.start(sources, resultsDir.resolve("telemetry/" + cellFile))) {
 *     ... start the fork ...;  recorder.follow(forkPid);
 *     ... the fork ends ...
 *     TelemetryRecording recording = recorder.stop(generatedTokens);
 *     recording.writeSeries(resultsDir.resolve(seriesFile));
 *     TelemetryResult result = recording.result(seriesFile);
 * }
 * }</pre>
 *
 * One recording at a time per set of sources: sources keep the previous reading of their counters.
 */
public final class TelemetryRecorder implements AutoCloseable {
    private static final long STOP_WAIT_MS = 10_000;

    private final List<Recorded> recorded;
    private final ScheduledExecutorService sampler;
    private final LongSupplier clock;
    private long startNanos;
    private boolean stopped;

    /** One source in this recording. */
    private static final class Recorded {
        final TelemetrySource source;
        final SourceSeries series = new SourceSeries();
        volatile Availability availability;
        volatile String samplingFailure;
        ScheduledFuture<?> schedule;

        Recorded(TelemetrySource source) {
            this.source = source;
        }
    }

    private TelemetryRecorder(List<Recorded> recorded, LongSupplier clock) {
        this.recorded = recorded;
        this.clock = clock;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telemetry-sampler");
            t.setDaemon(true); // a recorder left running never keeps the JVM alive
            return t;
        });
    }

    /**
     * Probes every source and starts those available. {@code artifactStem} is where files kept with the
     * results go, extension added by the source (an ETW trace: {@code <stem>.etl}); it may be null when
     * no source keeps files.
     */
    public static TelemetryRecorder start(List<? extends TelemetrySource> sources, Path artifactStem) {
        LongSupplier clock = System::nanoTime;
        List<Recorded> list = new ArrayList<>();
        for (TelemetrySource s : sources) {
            list.add(new Recorded(s));
        }
        TelemetryRecorder recorder = new TelemetryRecorder(List.copyOf(list), clock);
        recorder.begin(new RecordingContext(clock, clock.getAsLong(), System.currentTimeMillis(), artifactStem));
        return recorder;
    }

    private void begin(RecordingContext context) {
        startNanos = context.startNanos();
        for (Recorded r : recorded) {
            r.availability = probe(r.source);
            if (!r.availability.available()) {
                continue;
            }
            if (r.source instanceof PolledSource polled) {
                polled.begin();
                // Fixed delay, not fixed rate: after a stall the sampler must not fire back-to-back reads
                // (the NPU's busy counter must never be read faster than its interval).
                r.schedule = sampler.scheduleWithFixedDelay(() -> sampleOnce(r, polled), 0, r.source.intervalMs(),
                        TimeUnit.MILLISECONDS);
            } else if (r.source instanceof StreamingSource streaming) {
                try {
                    streaming.start(r.series, context);
                } catch (IOException | RuntimeException e) {
                    r.availability = Availability.unavailable("could not start: " + message(e));
                }
            }
        }
    }

    private static Availability probe(TelemetrySource source) {
        try {
            return source.probe();
        } catch (RuntimeException e) {
            return Availability.unavailable("probe failed: " + message(e));
        }
    }

    private void sampleOnce(Recorded r, PolledSource source) {
        try {
            source.sample(clock.getAsLong(), r.series);
        } catch (IOException | RuntimeException e) {
            // keep sampling: a reading that failed once (a process that just exited) may work next time
            if (r.samplingFailure == null) {
                r.samplingFailure = message(e);
            }
        }
    }

    /** Follows the benchmark fork (0: none) for per-process signals: resident memory, engine busyness. */
    public void follow(long pid) {
        for (Recorded r : recorded) {
            if (r.availability.available()) {
                try {
                    r.source.follow(pid);
                } catch (RuntimeException e) {
                    if (r.samplingFailure == null) {
                        r.samplingFailure = message(e);
                    }
                }
            }
        }
    }

    /**
     * Stops every source after one last reading (so counters cover the whole cell) and returns the
     * recording; {@code generatedTokens} divides energy totals into joules per token (0: no per-token value).
     */
    public synchronized TelemetryRecording stop(long generatedTokens) {
        if (stopped) {
            throw new IllegalStateException("telemetry recorder already stopped");
        }
        stopped = true;
        for (Recorded r : recorded) {
            if (r.schedule != null) {
                r.schedule.cancel(false);
            }
        }
        sampler.shutdown();
        boolean quiet;
        try {
            quiet = sampler.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            quiet = false;
        }
        List<TelemetryRecording.SourceRecord> out = new ArrayList<>();
        for (Recorded r : recorded) {
            Availability a = r.availability;
            if (a.available() && r.source instanceof PolledSource polled && quiet) {
                sampleOnce(r, polled);
            } else if (a.available() && r.source instanceof StreamingSource streaming) {
                a = stopStream(streaming);
            }
            if (a.available() && r.samplingFailure != null && r.series.isEmpty()) {
                a = Availability.unavailable("failed while sampling: " + r.samplingFailure);
            }
            out.add(new TelemetryRecording.SourceRecord(r.source.id(), a, r.source.intervalMs(), r.series));
        }
        return new TelemetryRecording(out, generatedTokens, startNanos);
    }

    private static Availability stopStream(StreamingSource streaming) {
        try {
            return streaming.stop();
        } catch (RuntimeException e) {
            return Availability.unavailable("failed while stopping: " + message(e));
        }
    }

    /** Stops the recorder if {@link #stop(long)} was not called (a cell that failed), dropping what it recorded. */
    @Override
    public synchronized void close() {
        if (!stopped) {
            stop(0);
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
