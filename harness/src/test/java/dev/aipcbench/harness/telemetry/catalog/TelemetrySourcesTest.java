package dev.aipcbench.harness.telemetry.catalog;

import dev.aipcbench.harness.telemetry.ProcessStarter;

import dev.aipcbench.harness.telemetry.TelemetrySource;

import dev.aipcbench.harness.telemetry.SearchPath;

import dev.aipcbench.harness.telemetry.Availability;

import dev.aipcbench.harness.telemetry.TelemetryConfig;

import dev.aipcbench.harness.telemetry.catalog.TelemetrySources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TelemetrySourcesTest {

    @TempDir
    Path dir;

    private static List<String> ids(List<TelemetrySource> sources) {
        return sources.stream().map(TelemetrySource::id).toList();
    }

    private List<TelemetrySource> sources(TelemetryConfig config, String os) {
        return TelemetrySources.defaults(config, os, ProcessStarter.SYSTEM, new SearchPath(dir.toString(), List.of("")));
    }

    @Test
    void everyMachineGetsTheSameSourcesAndTheEtwCaptureOnlyWhenAskedFor() {
        List<String> withoutEtw = TelemetryConfig.SOURCE_IDS.stream().filter(id -> !id.equals("etw")).toList();
        assertEquals(withoutEtw, ids(sources(TelemetryConfig.defaults(), "Linux")));
        assertEquals(withoutEtw, ids(sources(TelemetryConfig.defaults(), "Windows 11")));
        assertEquals(TelemetryConfig.SOURCE_IDS, ids(sources(TelemetryConfig.defaults().withEtw(true), "Windows 11")));
        assertEquals(List.of(), sources(new TelemetryConfig(false, 100, 1000, null, false, null, null, null), "Linux"));
    }

    @Test
    void theProfileChoosesSourcesAndIntervals() {
        TelemetryConfig config = new TelemetryConfig(true, 200, 2000, dir, false, Set.of(), Set.of("amd-gpu", "nvidia-smi"),
                Map.of("rapl", 50L));
        Map<String, Long> intervals = new LinkedHashMap<>();
        sources(config, "Linux").forEach(s -> intervals.put(s.id(), s.intervalMs()));
        assertEquals(Map.of("oshi", 200L, "intel-npu", 2000L, "intel-gpu", 200L, "rapl", 50L, "windows-pdh", 1000L),
                intervals);
    }

    @Test
    void eachSourceSaysWhetherItsPlatformIsThisOne() {
        Map<String, Availability> onWindows = new HashMap<>();
        sources(TelemetryConfig.defaults().withSysRoot(dir), "Windows 11").forEach(s -> onWindows.put(s.id(), s.probe()));
        assertEquals(Availability.unavailable("not Linux"), onWindows.get("intel-npu"));
        assertEquals(Availability.unavailable("not Linux"), onWindows.get("rapl"));
        assertEquals(Availability.unavailable("typeperf not found on PATH"), onWindows.get("windows-pdh"));
        assertEquals(Availability.unavailable("nvidia-smi not found on PATH"), onWindows.get("nvidia-smi"));

        Map<String, Availability> onLinux = new HashMap<>();
        sources(TelemetryConfig.defaults().withSysRoot(dir), "Linux").forEach(s -> onLinux.put(s.id(), s.probe()));
        assertEquals(Availability.unavailable("not Windows"), onLinux.get("windows-pdh"));
        assertEquals(Availability.unavailable("no /sys/class/accel/accel* device"), onLinux.get("intel-npu"));
    }
}
