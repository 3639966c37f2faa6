package dev.aipcbench.harness.telemetry.windows;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.CommandLineStream;
import dev.aipcbench.harness.telemetry.PowerIntegrator;
import dev.aipcbench.harness.telemetry.ProcessStarter;
import dev.aipcbench.harness.telemetry.RecordingContext;
import dev.aipcbench.harness.telemetry.SampleSink;
import dev.aipcbench.harness.telemetry.SearchPath;
import dev.aipcbench.harness.telemetry.StreamingSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Windows GPU and NPU utilisation and memory, and the Energy Meter's power, from PDH counters read by
 * one long-lived {@code typeperf -si <s> -f CSV <counters>} process streaming CSV on stdout (see
 * {@link GpuCounterSignals} for the signals). NPUs appear in the {@code GPU Engine} set as compute-only
 * adapters, so one counter set serves both.
 * <p>
 * typeperf expands the {@code (*)} instances when it starts, and GPU Engine instances are per process:
 * the fork's own instances only exist once the fork runs. So {@link #follow(long)} restarts typeperf,
 * which then also lists the new process's instances. typeperf samples at whole seconds (at least 1).
 */
public final class TypeperfCounterSource implements StreamingSource {
    public static final String ID = "windows-pdh";
    /**
     * The counters asked for. typeperf takes counter names in the display language of Windows; these are
     * the English ones, and where they differ typeperf finds none and the source reports its message.
     */
    public static final List<String> COUNTERS = List.of(
            "\\GPU Engine(*)\\Utilization Percentage",
            "\\GPU Adapter Memory(*)\\Dedicated Usage",
            "\\GPU Adapter Memory(*)\\Shared Usage",
            "\\GPU Process Memory(*)\\Dedicated Usage",
            "\\GPU Process Memory(*)\\Shared Usage",
            "\\Energy Meter(*)\\Power");

    private final String osName;
    private final long intervalSeconds;
    private final ProcessStarter starter;
    private final SearchPath searchPath;
    // The reader thread touches only these two, never the source's lock: follow() holds that lock
    // while it waits for the reader to finish.
    private final Map<String, PowerIntegrator> integrators = new ConcurrentHashMap<>();
    private final AtomicLong readings = new AtomicLong();

    private SampleSink sink;
    private RecordingContext recording;
    private long pid;
    private Run run;
    private String failure;

    /** One typeperf process, with the parser and column layout of its own header. */
    private final class Run {
        final TypeperfCsvParser parser = new TypeperfCsvParser();
        final long followedPid;
        GpuCounterSignals signals;
        CommandLineStream stream;

        Run(long followedPid) {
            this.followedPid = followedPid;
        }

        void line(String line) {
            TypeperfCsvParser.Row row = parser.accept(line);
            if (signals == null && parser.counters() != null) {
                signals = new GpuCounterSignals(parser.counters(), followedPid,
                        meter -> integrators.computeIfAbsent(meter, k -> new PowerIntegrator()));
            }
            if (row != null && signals != null) {
                signals.put(recording.now(), row.values(), sink);
                readings.incrementAndGet();
            }
        }
    }

    public TypeperfCounterSource(String osName, long intervalMs, ProcessStarter starter, SearchPath searchPath) {
        this.osName = osName;
        this.intervalSeconds = Math.max(1, (intervalMs + 999) / 1000);
        this.starter = starter;
        this.searchPath = searchPath;
    }

    /** {@code typeperf -si <seconds> -f CSV <counters...>}: CSV on stdout until stopped. */
    public static List<String> command(long intervalSeconds) {
        List<String> cmd = new ArrayList<>(List.of("typeperf", "-si", Long.toString(intervalSeconds), "-f", "CSV"));
        cmd.addAll(COUNTERS);
        return cmd;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public long intervalMs() {
        return intervalSeconds * 1000;
    }

    @Override
    public Availability probe() {
        if (!WindowsPlatform.is(osName)) {
            return Availability.unavailable(WindowsPlatform.NOT_WINDOWS);
        }
        if (searchPath.find("typeperf").isEmpty()) {
            return Availability.unavailable("typeperf not found on PATH");
        }
        return Availability.ok();
    }

    @Override
    public synchronized void start(SampleSink sink, RecordingContext recording) throws IOException {
        this.sink = sink;
        this.recording = recording;
        this.pid = 0;
        this.readings.set(0);
        this.failure = null;
        integrators.clear();
        launch();
    }

    private void launch() throws IOException {
        Run r = new Run(pid);
        r.stream = CommandLineStream.start(starter, command(intervalSeconds), r::line, "telemetry-typeperf");
        run = r;
    }

    @Override
    public synchronized void follow(long newPid) {
        if (newPid == pid || run == null) {
            pid = newPid;
            return;
        }
        pid = newPid;
        finish(run);
        try {
            launch();
        } catch (IOException e) {
            run = null;
            failure = "could not restart typeperf: " + e.getMessage();
        }
    }

    private void finish(Run r) {
        r.stream.close();
        if (readings.get() == 0 && failure == null) {
            String message = r.parser.lastMessage() != null ? r.parser.lastMessage() : r.stream.lastLine();
            failure = r.stream.consumerFailure() != null ? "could not read its output: " + r.stream.consumerFailure()
                    : message != null ? message : "exit code " + r.stream.exitCode();
        }
    }

    @Override
    public synchronized Availability stop() {
        if (run != null) {
            finish(run);
            run = null;
        }
        if (readings.get() > 0) {
            return Availability.ok();
        }
        return Availability.unavailable("typeperf gave no readings: " + (failure == null ? "no output" : failure));
    }
}
