package dev.aipcbench.harness.telemetry;

import dev.aipcbench.results.TelemetryResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one source reported in one recording. The sampler thread (or a streaming source's reader
 * thread) writes while the recorder runs and the recorder reads after it stopped; the lock is never
 * contended in between, so it costs next to nothing.
 */
final class SourceSeries implements SampleSink {
    private final Map<String, SignalSeries> byName = new HashMap<>();
    private final List<SignalSeries> inOrder = new ArrayList<>();

    @Override
    public synchronized void gauge(long tNanos, String signal, String unit, double value) {
        series(signal, unit, false).add(tNanos, value);
    }

    @Override
    public synchronized void energy(long tNanos, String signal, double joules) {
        series(signal, "J", true).add(tNanos, joules);
    }

    private SignalSeries series(String signal, String unit, boolean energy) {
        SignalSeries s = byName.get(signal);
        if (s == null) {
            s = new SignalSeries(signal, unit, energy);
            byName.put(signal, s);
            inOrder.add(s);
        }
        return s;
    }

    synchronized List<SignalSeries> signals() {
        return List.copyOf(inOrder);
    }

    synchronized boolean isEmpty() {
        return inOrder.stream().allMatch(s -> s.size() == 0);
    }

    /** Summaries in the order the signals first appeared; signals that never got a reading are left out. */
    synchronized Map<String, TelemetryResult.Signal> summaries(long generatedTokens) {
        Map<String, TelemetryResult.Signal> out = new LinkedHashMap<>();
        for (SignalSeries s : inOrder) {
            if (s.size() > 0) {
                out.put(s.name, s.summary(generatedTokens));
            }
        }
        return out;
    }
}
