package dev.aipcbench.harness.telemetry;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryConfigTest {

    @Test
    void defaultsSampleMemoryAndUtilisationAt100msAndTheNpuAtOneSecond() {
        TelemetryConfig c = TelemetryConfig.defaults();
        assertTrue(c.enabled());
        assertEquals(100, c.fastIntervalMs());
        assertEquals(1000, c.npuIntervalMs());
        assertEquals(Path.of("/"), c.sysRoot());
        assertFalse(c.etw());
        TelemetryConfig.SOURCE_IDS.forEach(id -> assertTrue(c.includes(id), id));
    }

    @Test
    void namesTheProfileFieldThatIsWrong() {
        IllegalArgumentException fast = assertThrows(IllegalArgumentException.class,
                () -> new TelemetryConfig(true, 5, 1000, null, false, null, null, null));
        assertEquals("telemetry.interval_ms must be between 10 and 60000 ms, got 5", fast.getMessage());

        IllegalArgumentException npu = assertThrows(IllegalArgumentException.class,
                () -> new TelemetryConfig(true, 100, 50, null, false, null, null, null));
        assertTrue(npu.getMessage().startsWith("telemetry.npu_interval_ms must be between 100 and 60000 ms, got 50"
                + " (the intel_vpu driver warns"), npu.getMessage());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new TelemetryConfig(true, 100, 1000, null, false, Set.of("oshi", "gpu-z"), null, null));
        assertEquals("telemetry.sources: unknown source gpu-z (expected one of oshi, intel-npu, intel-gpu, rapl,"
                + " amd-gpu, windows-pdh, etw, nvidia-smi)", unknown.getMessage());

        IllegalArgumentException excluded = assertThrows(IllegalArgumentException.class,
                () -> new TelemetryConfig(true, 100, 1000, null, false, null, Set.of("npu"), null));
        assertTrue(excluded.getMessage().startsWith("telemetry.exclude: unknown source npu"), excluded.getMessage());

        IllegalArgumentException perSource = assertThrows(IllegalArgumentException.class,
                () -> new TelemetryConfig(true, 100, 1000, null, false, null, null, Map.of("intel-npu", 20L)));
        assertTrue(perSource.getMessage().startsWith(
                "telemetry.source_intervals_ms.intel-npu must be between 100 and 60000 ms, got 20"), perSource.getMessage());
    }

    @Test
    void includeAndExcludeChooseSourcesAndOwnIntervalsOverrideTheSchedules() {
        TelemetryConfig c = new TelemetryConfig(true, 100, 1000, Path.of("/tmp/root"), true,
                Set.of("oshi", "rapl"), Set.of("rapl"), Map.of("oshi", 250L));
        assertTrue(c.includes("oshi"));
        assertFalse(c.includes("rapl"), "exclude wins");
        assertFalse(c.includes("intel-npu"), "not in sources");
        assertEquals(250, c.intervalMs("oshi", 100));
        assertEquals(100, c.intervalMs("amd-gpu", 100));
        assertEquals(Path.of("/x"), c.withSysRoot(Path.of("/x")).sysRoot());
    }
}
