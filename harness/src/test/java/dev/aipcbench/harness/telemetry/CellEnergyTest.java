package dev.aipcbench.harness.telemetry;

import dev.aipcbench.results.TelemetryResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellEnergyTest {
    private static TelemetryResult.Signal energy(double joules) {
        return new TelemetryResult.Signal("J", 10, 1, 2, 0, joules, null);
    }

    private static TelemetryResult.Source source(String id, Map<String, TelemetryResult.Signal> signals) {
        return new TelemetryResult.Source(id, "ok", null, 100.0, signals);
    }

    @Test
    void packagesCountOnceAndTheirSubZonesNotAtAll() {
        Map<String, TelemetryResult.Signal> rapl = new LinkedHashMap<>();
        rapl.put("package_0_energy_j", energy(30));
        rapl.put("package_1_energy_j", energy(20));
        rapl.put("core_energy_j", energy(25));
        rapl.put("package_0_power_w", new TelemetryResult.Signal("W", 10, 5, 9, 1, null, null));
        Map<String, TelemetryResult.Signal> gpu = Map.of("gpu0_energy_j", energy(12.5));
        TelemetryResult t = new TelemetryResult("x.csv", List.of(source("rapl", rapl), source("nvidia-smi", gpu),
                new TelemetryResult.Source("intel-npu", "unavailable", "no device", null, null)));
        assertEquals(62.5, CellEnergy.joules(t).orElseThrow(), 1e-9);
    }

    @Test
    void thePlatformZoneWinsAndAbsentCountersGiveNothing() {
        Map<String, TelemetryResult.Signal> rapl = Map.of("psys_energy_j", energy(80), "package_energy_j", energy(50));
        assertEquals(80, CellEnergy.joules(new TelemetryResult(null, List.of(source("rapl", rapl)))).orElseThrow(), 1e-9);
        TelemetryResult none = new TelemetryResult(null, List.of(new TelemetryResult.Source("rapl", "unavailable",
                "permission denied: /sys/class/powercap/intel-rapl:0/energy_uj", null, null)));
        assertTrue(CellEnergy.joules(none).isEmpty(), "no counter is no energy, never zero");
    }

    @Test
    void windowsPackageRailsArePreferred() {
        Map<String, TelemetryResult.Signal> meters = Map.of("rapl_package0_pkg_energy_j", energy(40),
                "rapl_package0_pp0_energy_j", energy(30));
        assertEquals(40, CellEnergy.joules(new TelemetryResult(null, List.of(source("windows-pdh", meters)))).orElseThrow(), 1e-9);
    }
}
