package dev.aipcbench.harness.telemetry;

import dev.aipcbench.results.TelemetryResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/** The readings of one signal, kept for the series file and summarised as they arrive. */
final class SignalSeries {
    private static final MathContext SUMMARY_DIGITS = new MathContext(6);

    final String name;
    final String unit;
    final boolean energy;
    private long[] times = new long[64];
    private double[] values = new double[64];
    private int n;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    SignalSeries(String name, String unit, boolean energy) {
        this.name = name;
        this.unit = unit;
        this.energy = energy;
    }

    void add(long tNanos, double value) {
        if (!Double.isFinite(value)) {
            return; // a reading the source could not make is absent, not zero
        }
        if (n == times.length) {
            times = Arrays.copyOf(times, n * 2);
            values = Arrays.copyOf(values, n * 2);
        }
        times[n] = tNanos;
        values[n] = value;
        n++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    int size() {
        return n;
    }

    long time(int i) {
        return times[i];
    }

    double value(int i) {
        return values[i];
    }

    /** avg/peak/min over the readings; energy signals add the total and the total per generated token. */
    TelemetryResult.Signal summary(long generatedTokens) {
        Double total = energy ? round(sum) : null;
        Double perToken = energy && generatedTokens > 0 ? round(sum / generatedTokens) : null;
        return new TelemetryResult.Signal(unit, n, round(sum / n), round(max), round(min), total, perToken);
    }

    private static double round(double v) {
        return new BigDecimal(v).round(SUMMARY_DIGITS).doubleValue();
    }
}
