package dev.aipcbench.harness.telemetry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile's {@code telemetry} section.
 *
 * @param enabled            {@code telemetry.enabled}: record telemetry at all
 * @param fastIntervalMs     {@code telemetry.interval_ms}: memory and utilisation sources (default 100)
 * @param npuIntervalMs      {@code telemetry.npu_interval_ms}: the slow schedule, for the Intel NPU's busy
 *                           counter (default 1000; the intel_vpu driver warns that frequent reads slow job
 *                           submission) and the CPU temperature (a WMI query on Windows)
 * @param sysRoot            {@code telemetry.sys_root}: where {@code /sys} and {@code /proc} are looked up (default "/")
 * @param etw                {@code telemetry.etw} (flag {@code --etw}): capture an ETW trace of the GPU kernel
 *                           driver beside each cell's results (Windows, elevated)
 * @param sources            {@code telemetry.sources}: only these source ids (empty: all)
 * @param exclude            {@code telemetry.exclude}: never these source ids
 * @param sourceIntervalsMs  {@code telemetry.source_intervals_ms}: an interval per source id, overriding the two above
 */
public record TelemetryConfig(boolean enabled, long fastIntervalMs, long npuIntervalMs, Path sysRoot, boolean etw,
                              Set<String> sources, Set<String> exclude, Map<String, Long> sourceIntervalsMs) {

    public static final long DEFAULT_FAST_INTERVAL_MS = 100;
    public static final long DEFAULT_NPU_INTERVAL_MS = 1000;
    /** Below this the sampler itself would become the load it measures. */
    public static final long MIN_INTERVAL_MS = 10;
    public static final long MAX_INTERVAL_MS = 60_000;
    /** The intel_vpu driver recommends reading npu_busy_time_us about once a second; faster than this slows the NPU. */
    public static final long MIN_NPU_INTERVAL_MS = 100;

    /** Every source id, in the order results list them. */
    public static final List<String> SOURCE_IDS = List.of(
            "oshi", "intel-npu", "intel-gpu", "rapl", "amd-gpu", "windows-pdh", "etw", "nvidia-smi");

    public TelemetryConfig {
        sysRoot = sysRoot == null ? Path.of("/") : sysRoot;
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
        sourceIntervalsMs = sourceIntervalsMs == null ? Map.of() : sourceIntervalsMs;
        checkInterval("telemetry.interval_ms", fastIntervalMs, MIN_INTERVAL_MS);
        checkInterval("telemetry.npu_interval_ms", npuIntervalMs, MIN_NPU_INTERVAL_MS);
        checkIds("telemetry.sources", sources);
        checkIds("telemetry.exclude", exclude);
        checkIds("telemetry.source_intervals_ms", sourceIntervalsMs.keySet());
        for (Map.Entry<String, Long> e : sourceIntervalsMs.entrySet()) {
            long min = e.getKey().equals("intel-npu") ? MIN_NPU_INTERVAL_MS : MIN_INTERVAL_MS;
            checkInterval("telemetry.source_intervals_ms." + e.getKey(), e.getValue() == null ? 0 : e.getValue(), min);
        }
        sourceIntervalsMs = Map.copyOf(sourceIntervalsMs);
    }

    /** Telemetry on, 100 ms for memory/utilisation, 1 s for the NPU busy counter, every source, real root. */
    public static TelemetryConfig defaults() {
        return new TelemetryConfig(true, DEFAULT_FAST_INTERVAL_MS, DEFAULT_NPU_INTERVAL_MS, Path.of("/"), false,
                Set.of(), Set.of(), Map.of());
    }

    public TelemetryConfig withSysRoot(Path root) {
        return new TelemetryConfig(enabled, fastIntervalMs, npuIntervalMs, root, etw, sources, exclude, sourceIntervalsMs);
    }

    public TelemetryConfig withEtw(boolean on) {
        return new TelemetryConfig(enabled, fastIntervalMs, npuIntervalMs, sysRoot, on, sources, exclude, sourceIntervalsMs);
    }

    /** Whether the profile lets a source run. */
    public boolean includes(String sourceId) {
        return (sources.isEmpty() || sources.contains(sourceId)) && !exclude.contains(sourceId);
    }

    /** The source's own interval if the profile sets one, else {@code fallbackMs}. */
    public long intervalMs(String sourceId, long fallbackMs) {
        Long own = sourceIntervalsMs.get(sourceId);
        return own == null ? fallbackMs : own;
    }

    private static void checkInterval(String field, long ms, long min) {
        if (ms < min || ms > MAX_INTERVAL_MS) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + MAX_INTERVAL_MS
                    + " ms, got " + ms
                    + (field.contains("npu") && ms < min
                    ? " (the intel_vpu driver warns that reading npu_busy_time_us often slows job submission)" : ""));
        }
    }

    private static void checkIds(String field, Set<String> ids) {
        Set<String> unknown = new TreeSet<>(ids);
        unknown.removeAll(SOURCE_IDS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(field + ": unknown source " + String.join(", ", unknown)
                    + " (expected one of " + String.join(", ", SOURCE_IDS) + ")");
        }
    }
}
