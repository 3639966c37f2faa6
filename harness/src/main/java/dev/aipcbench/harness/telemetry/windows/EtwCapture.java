package dev.aipcbench.harness.telemetry.windows;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.CommandLineStream;
import dev.aipcbench.harness.telemetry.ProcessStarter;
import dev.aipcbench.harness.telemetry.RecordingContext;
import dev.aipcbench.harness.telemetry.SampleSink;
import dev.aipcbench.harness.telemetry.SearchPath;
import dev.aipcbench.harness.telemetry.StreamingSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * An ETW trace of the GPU kernel driver (Microsoft-Windows-DxgKrnl) over the cell, kept with the results
 * as {@code <stem>.etl} and, converted by {@code tracerpt}, {@code <stem>.etw.csv} (opt-in: {@code --etw};
 * needs an elevated prompt). Recorded with {@code wpr -start GPU -filemode} / {@code wpr -stop <etl>}
 * (Windows Performance Recorder's GPU profile), or with {@code logman} and the DxgKrnl provider where
 * wpr is missing.
 * <p>
 * Summary signals, from the converted trace: {@code events_per_s} and {@code <event>_<type>_per_s} for
 * the ten most frequent kinds, counting the events of the followed processes (every process when none
 * was followed), per second of the cell. The trace itself holds everything else, for GPUView or WPA.
 */
public final class EtwCapture implements StreamingSource {
    public static final String ID = "etw";
    public static final String LOGMAN_SESSION = "aipc-bench-gpu";
    public static final String DXGKRNL = "Microsoft-Windows-DxgKrnl";
    private static final int KINDS_KEPT = 10;
    private static final long START_TIMEOUT_S = 60;
    private static final long STOP_TIMEOUT_S = 300;

    /** The tool that records the trace. */
    public enum Recorder { WPR, LOGMAN }

    private final String osName;
    private final BooleanSupplier elevated;
    private final ProcessStarter starter;
    private final SearchPath searchPath;
    private final Set<Long> followed = ConcurrentHashMap.newKeySet();

    private Recorder recorder;
    private SampleSink sink;
    private RecordingContext recording;
    private Path etl;

    public EtwCapture(String osName, BooleanSupplier elevated, ProcessStarter starter, SearchPath searchPath) {
        this.osName = osName;
        this.elevated = elevated;
        this.starter = starter;
        this.searchPath = searchPath;
    }

    public static List<String> startCommand(Recorder recorder, Path etl) {
        return recorder == Recorder.WPR
                ? List.of("wpr", "-start", "GPU", "-filemode")
                // keyword 0x1 (Base) at level 5 keeps a logman trace small; wpr's GPU profile is the full capture
                : List.of("logman", "start", LOGMAN_SESSION, "-p", DXGKRNL, "0x1", "5", "-o", etl.toString(), "-ets");
    }

    public static List<String> stopCommand(Recorder recorder, Path etl) {
        return recorder == Recorder.WPR
                ? List.of("wpr", "-stop", etl.toString())
                : List.of("logman", "stop", LOGMAN_SESSION, "-ets");
    }

    /** {@code tracerpt <etl> -o <csv> -of CSV -y}: -y overwrites without asking. */
    public static List<String> convertCommand(Path etl, Path csv) {
        return List.of("tracerpt", etl.toString(), "-o", csv.toString(), "-of", "CSV", "-y");
    }

    /** Where the converted trace goes: beside the .etl, {@code <stem>.etw.csv}. */
    public static Path csvFor(Path etl) {
        String name = etl.getFileName().toString();
        return etl.resolveSibling(name.substring(0, name.length() - ".etl".length()) + ".etw.csv");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public long intervalMs() {
        return 1000;
    }

    @Override
    public Availability probe() {
        if (!WindowsPlatform.is(osName)) {
            return Availability.unavailable(WindowsPlatform.NOT_WINDOWS);
        }
        if (!elevated.getAsBoolean()) {
            return Availability.unavailable("ETW capture needs an elevated (administrator) prompt");
        }
        if (searchPath.find("tracerpt").isEmpty()) {
            return Availability.unavailable("tracerpt not found on PATH");
        }
        recorder = searchPath.find("wpr").isPresent() ? Recorder.WPR
                : searchPath.find("logman").isPresent() ? Recorder.LOGMAN : null;
        return recorder == null ? Availability.unavailable("neither wpr nor logman found on PATH") : Availability.ok();
    }

    @Override
    public void start(SampleSink sink, RecordingContext recording) throws IOException {
        if (recording.artifactStem() == null) {
            throw new IOException("the recorder was given no path for files kept with the results");
        }
        this.sink = sink;
        this.recording = recording;
        this.etl = recording.artifactStem().resolveSibling(recording.artifactStem().getFileName() + ".etl");
        followed.clear();
        Files.createDirectories(etl.toAbsolutePath().getParent());
        run(startCommand(recorder, etl), START_TIMEOUT_S);
    }

    @Override
    public void follow(long pid) {
        if (pid > 0) {
            followed.add(pid); // every fork of the cell counts
        }
    }

    @Override
    public Availability stop() {
        long stopEpochMillis = System.currentTimeMillis();
        try {
            run(stopCommand(recorder, etl), STOP_TIMEOUT_S);
            Path csv = csvFor(etl);
            run(convertCommand(etl, csv), STOP_TIMEOUT_S);
            summarise(csv, stopEpochMillis);
            return Availability.ok();
        } catch (IOException e) {
            return Availability.unavailable(e.getMessage());
        }
    }

    /** Counts the followed processes' events per second of the recording and puts the busiest kinds. */
    void summarise(Path csv, long stopEpochMillis) throws IOException {
        long start = recording.startEpochMillis();
        int bins = (int) Math.max(1, (stopEpochMillis - start + 999) / 1000);
        Map<String, long[]> perKind = new HashMap<>();
        long[] all = new long[bins];
        long[] firstClock = {Long.MIN_VALUE};
        Set<Long> pids = Set.copyOf(followed);
        TracerptCsvParser.parse(csv, e -> {
            if (e.name().equals("EventTrace") || (!pids.isEmpty() && !pids.contains(e.pid()))) {
                return; // EventTrace rows describe the trace itself
            }
            if (firstClock[0] == Long.MIN_VALUE) {
                firstClock[0] = e.clockTime();
            }
            // a Clock-Time that is no FILETIME (a raw counter) can only be placed relative to the first event
            long epoch = e.clockTime() > 100_000_000_000_000_000L ? e.epochMillis()
                    : start + (e.clockTime() - firstClock[0]) / 10_000;
            long bin = (epoch - start) / 1000;
            if (epoch < start || bin >= bins) {
                return;
            }
            all[(int) bin]++;
            perKind.computeIfAbsent(kind(e), k -> new long[bins])[(int) bin]++;
        });
        List<Map.Entry<String, long[]>> kinds = new ArrayList<>(perKind.entrySet());
        kinds.sort(Comparator.comparingLong((Map.Entry<String, long[]> k) -> -total(k.getValue()))
                .thenComparing(Map.Entry::getKey));
        for (int b = 0; b < bins; b++) {
            long t = recording.nanosAt(start + (b + 1) * 1000L);
            sink.gauge(t, "events_per_s", "events/s", all[b]);
            for (int k = 0; k < Math.min(KINDS_KEPT, kinds.size()); k++) {
                sink.gauge(t, kinds.get(k).getKey(), "events/s", kinds.get(k).getValue()[b]);
            }
        }
    }

    private static String kind(TracerptCsvParser.TraceEvent e) {
        String k = (e.name() + "_" + e.type()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
        return k + "_per_s";
    }

    private static long total(long[] counts) {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** Runs a command to its end; fails with the command's last line when it fails or hangs. */
    private void run(List<String> command, long timeoutSeconds) throws IOException {
        CommandLineStream stream = CommandLineStream.start(starter, command, line -> { }, "telemetry-etw");
        try {
            if (!stream.awaitEnd(timeoutSeconds, TimeUnit.SECONDS)) {
                stream.close();
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            stream.close();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " interrupted");
        }
        if (stream.exitCode() != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(2, command.size()))) + " failed (exit "
                    + stream.exitCode() + ")" + (stream.lastLine() == null ? "" : ": " + stream.lastLine()));
        }
    }
}
