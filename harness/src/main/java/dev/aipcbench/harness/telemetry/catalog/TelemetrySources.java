package dev.aipcbench.harness.telemetry.catalog;

import dev.aipcbench.harness.telemetry.TelemetryConfig;
import dev.aipcbench.harness.telemetry.SearchPath;
import dev.aipcbench.harness.telemetry.TelemetrySource;
import dev.aipcbench.harness.telemetry.ProcessStarter;

import dev.aipcbench.harness.telemetry.linux.AmdGpuSource;
import dev.aipcbench.harness.telemetry.linux.IntelGpuSource;
import dev.aipcbench.harness.telemetry.linux.IntelNpuSource;
import dev.aipcbench.harness.telemetry.linux.RaplEnergySource;
import dev.aipcbench.harness.telemetry.linux.SysfsTree;
import dev.aipcbench.harness.telemetry.nvidia.NvidiaSmiSource;
import dev.aipcbench.harness.telemetry.oshi.OshiSource;
import dev.aipcbench.harness.telemetry.windows.EtwCapture;
import dev.aipcbench.harness.telemetry.windows.TypeperfCounterSource;
import oshi.SystemInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The sources a run records. Every machine gets the same list, in {@link TelemetryConfig#SOURCE_IDS}
 * order, and each source says for itself whether it applies ("not Windows", "no /sys/class/accel/accel*
 * device"), so results from different machines list the same sources; the ETW capture joins only when
 * asked for ({@code --etw}).
 */
public final class TelemetrySources {

    private TelemetrySources() {
    }

    /** The sources for this JVM's OS ({@code os.name}). */
    public static List<TelemetrySource> defaults(TelemetryConfig config) {
        return defaults(config, System.getProperty("os.name", ""));
    }

    /** The sources for an OS named as {@code os.name} names it; none when telemetry is disabled. */
    public static List<TelemetrySource> defaults(TelemetryConfig config, String osName) {
        return defaults(config, osName, ProcessStarter.SYSTEM, SearchPath.fromEnvironment());
    }

    static List<TelemetrySource> defaults(TelemetryConfig config, String osName, ProcessStarter starter,
                                          SearchPath searchPath) {
        if (!config.enabled()) {
            return List.of();
        }
        SysfsTree sys = new SysfsTree(config.sysRoot());
        long fast = config.fastIntervalMs();
        List<TelemetrySource> all = List.of(
                new OshiSource(config.intervalMs(OshiSource.ID, fast), config.npuIntervalMs()),
                new IntelNpuSource(sys, config.intervalMs(IntelNpuSource.ID, config.npuIntervalMs()), osName),
                new IntelGpuSource(sys, config.intervalMs(IntelGpuSource.ID, fast), osName),
                new RaplEnergySource(sys, config.intervalMs(RaplEnergySource.ID, fast), osName),
                new AmdGpuSource(sys, config.intervalMs(AmdGpuSource.ID, fast), osName),
                new TypeperfCounterSource(osName, config.intervalMs(TypeperfCounterSource.ID, fast), starter, searchPath),
                new EtwCapture(osName, TelemetrySources::elevated, starter, searchPath),
                new NvidiaSmiSource(config.intervalMs(NvidiaSmiSource.ID, fast), starter, searchPath));
        List<TelemetrySource> chosen = new ArrayList<>();
        for (TelemetrySource s : all) {
            boolean wanted = s.id().equals(EtwCapture.ID) ? config.etw() : true;
            if (wanted && config.includes(s.id())) {
                chosen.add(s);
            }
        }
        return List.copyOf(chosen);
    }

    private static boolean elevated() {
        return new SystemInfo().getOperatingSystem().isElevated();
    }
}
