package dev.aipcbench.harness.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A sink that keeps every reading, for tests to look at. */
public final class CollectingSink implements SampleSink {

    /** One reading; {@code unit} is "J" for energy. */
    public record Reading(long tNanos, String signal, String unit, double value, boolean energy) {
    }

    private final List<Reading> readings = new ArrayList<>();

    @Override
    public synchronized void gauge(long tNanos, String signal, String unit, double value) {
        readings.add(new Reading(tNanos, signal, unit, value, false));
    }

    @Override
    public synchronized void energy(long tNanos, String signal, double joules) {
        if (Double.isFinite(joules)) {
            readings.add(new Reading(tNanos, signal, "J", joules, true));
        }
    }

    public synchronized List<Reading> readings() {
        return List.copyOf(readings);
    }

    /** The values of one signal, in the order they came. */
    public synchronized List<Double> values(String signal) {
        return readings.stream().filter(r -> r.signal().equals(signal)).map(Reading::value).toList();
    }

    /** The one value a signal got; fails if it got none or several. */
    public double only(String signal) {
        List<Double> v = values(signal);
        if (v.size() != 1) {
            throw new AssertionError(signal + ": expected one reading, got " + v + " among " + signals());
        }
        return v.get(0);
    }

    public synchronized Set<String> signals() {
        Set<String> names = new TreeSet<>();
        readings.forEach(r -> names.add(r.signal()));
        return names;
    }

    public synchronized String unitOf(String signal) {
        return readings.stream().filter(r -> r.signal().equals(signal)).map(Reading::unit).findFirst().orElse(null);
    }

    public synchronized void clear() {
        readings.clear();
    }
}
