package dev.aipcbench.harness.telemetry;

/**
 * Where a source puts its readings. Times are {@link System#nanoTime()} values on the recorder's clock;
 * signal names are snake_case and end with their unit ({@code cpu_load_pct}, {@code fork_rss_mb}).
 */
public interface SampleSink {

    /** A level, at an instant or averaged over the last interval (%, MHz, MB, W, C): summarised as avg/peak/min. */
    void gauge(long tNanos, String signal, String unit, double value);

    /**
     * Energy used in the interval that ends at {@code tNanos}, in joules: summarised like a gauge and, in
     * addition, summed into the cell's total (and divided by the generated tokens).
     */
    void energy(long tNanos, String signal, double joules);
}
