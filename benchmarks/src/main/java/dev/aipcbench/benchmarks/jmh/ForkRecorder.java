package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.runtime.SessionInfo;
import dev.aipcbench.results.ResultsFolder;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fork's side of the channel to the host: it keeps this fork's {@link ForkRecord} and rewrites it
 * (atomically) into the cell's fork-records folder whenever something is added, so the host reads a whole
 * record even of a fork that was killed. A fork runs one benchmark on one thread and the profiler runs
 * between its iterations, so plain static state suffices. Without a cell spec (a benchmark launched by hand
 * with {@code -p model=DIR}) nothing is written.
 */
public final class ForkRecorder {
    private static Path file;
    private static long startedMs;
    private static Map<String, String> session;
    private static final List<ForkRecord.Iteration> ITERATIONS = new ArrayList<>();
    private static ForkRecord.Probe probe;
    private static String failure;
    private static String benchmark;

    private ForkRecorder() {
    }

    /** Starts this fork's record in {@code folder} (null: record nothing). */
    static synchronized void start(Path folder) {
        startedMs = System.currentTimeMillis();
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file = folder.resolve(ProcessHandle.current().pid() + ".json");
        write();
    }

    /** What the runtime opened: results' {@code session} of the cell. */
    static synchronized void session(SessionInfo info) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("runtime_version", info.runtimeVersion());
        s.put("provider", info.provider());
        s.put("io_type", info.ioType());
        s.put("kv_cache", info.kvCache());
        if (info.details() != null) {
            s.putAll(info.details());
        }
        session = s;
        write();
    }

    /** More facts of the session, added to what {@link #session} recorded (the runtime's execution profile). */
    static synchronized void sessionDetails(Map<String, String> details) {
        if (details.isEmpty()) {
            return;
        }
        Map<String, String> s = session == null ? new LinkedHashMap<>() : new LinkedHashMap<>(session);
        s.putAll(details);
        session = s;
        write();
    }

    /** The benchmark this fork runs, as JMH names it (told before its first iteration). */
    static synchronized void benchmark(String name) {
        if (!name.equals(benchmark)) {
            benchmark = name;
            write();
        }
    }

    static synchronized void iteration(boolean warmup, Map<String, Double> metrics, List<Double> tokenMs, ForkRecord.Cpu cpu) {
        ITERATIONS.add(new ForkRecord.Iteration(warmup, Map.copyOf(metrics), tokenMs == null ? null : List.copyOf(tokenMs), cpu));
        write();
    }

    static synchronized void probe(ForkRecord.Probe p) {
        probe = p;
        write();
    }

    /** The exception that is about to end the fork: its type, message and first frames, for a failed cell's reason. */
    static synchronized void failure(Throwable t) {
        if (failure == null) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            failure = firstLine(t) + "\n" + trace;
            write();
        }
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage();
        int nl = m.indexOf('\n');
        return t.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + (nl < 0 ? m : m.substring(0, nl)));
    }

    private static void write() {
        if (file == null) {
            return;
        }
        ForkRecord record = new ForkRecord(ProcessHandle.current().pid(), startedMs, session, List.copyOf(ITERATIONS), probe, failure, benchmark);
        try {
            ResultsFolder.writeAtomically(file, CellSpec.JSON.writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fork record " + file + ": " + e.getMessage(), e);
        }
    }
}
