package dev.aipcbench.harness.telemetry;

/**
 * One source of device telemetry (OSHI, a sysfs driver interface, a Windows performance counter
 * set, nvidia-smi). A source is either {@link PolledSource polled} by the recorder at its interval or
 * {@link StreamingSource streams} readings from a long-lived command. Sources are built once per run
 * and reused for every cell's recording.
 */
public interface TelemetrySource {

    /** The stable id results use: {@code oshi}, {@code intel-npu}, {@code rapl}, ... */
    String id();

    /** How often the source reads, in milliseconds. */
    long intervalMs();

    /** Whether the source can report here; the reason names what was looked for and not found. */
    Availability probe();

    /**
     * Follows a process (the benchmark fork) for per-process signals; called again when the fork
     * changes, and with 0 when no process is followed. Sources without per-process signals ignore it.
     */
    default void follow(long pid) {
    }
}
