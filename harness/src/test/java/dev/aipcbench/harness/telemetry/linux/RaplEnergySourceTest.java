package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RaplEnergySourceTest {
    private static final long S = 1_000_000_000L;
    private static final long MAX_RANGE_UJ = 262_143_328_850L;
    private static final String PACKAGE = "/sys/class/powercap/intel-rapl:0/";

    @TempDir
    Path root;

    /** A laptop's zones: package-0 with core and uncore, psys, plus the MMIO view of the package and the control type folder. */
    private SysfsFixture laptop() {
        SysfsFixture f = new SysfsFixture(root)
                .file("/sys/class/powercap/intel-rapl/enabled", 1);
        zone(f, "intel-rapl:0", "package-0", 262_143_000_000L);
        zone(f, "intel-rapl:0:0", "core", 1_000_000L);
        zone(f, "intel-rapl:0:1", "uncore", 2_000_000L);
        zone(f, "intel-rapl:1", "psys", 3_000_000L);
        zone(f, "intel-rapl-mmio:0", "package-0", 4_000_000L);
        return f;
    }

    private static void zone(SysfsFixture f, String zone, String name, long energyUj) {
        f.file("/sys/class/powercap/" + zone + "/name", name)
                .file("/sys/class/powercap/" + zone + "/energy_uj", energyUj)
                .file("/sys/class/powercap/" + zone + "/max_energy_range_uj", MAX_RANGE_UJ);
    }

    @Test
    void saysWhatItLookedForWhenThereIsNoZone() {
        SysfsFixture f = new SysfsFixture(root).dir("/sys/class/powercap/intel-rapl");
        assertEquals(Availability.unavailable("no /sys/class/powercap/intel-rapl* zone"),
                new RaplEnergySource(f.tree(), 100, "Linux").probe());
        assertEquals(Availability.unavailable("no /sys/class/powercap/intel-rapl* zone"),
                new RaplEnergySource(new SysfsFixture(root.resolve("bare")).tree(), 100, "Linux").probe(),
                "no powercap folder at all");
        assertEquals(Availability.unavailable("not Linux"), new RaplEnergySource(laptop().tree(), 100, "Mac OS X").probe());
    }

    @Test
    void namesZonesByTheirNameFileAndLeavesOutTheMmioDuplicate() {
        RaplEnergySource rapl = new RaplEnergySource(laptop().tree(), 100, "Linux");
        assertEquals(Availability.ok(), rapl.probe());
        assertEquals(List.of("package", "core", "uncore", "psys"), rapl.zones().stream().map(RaplZone::signal).toList());
    }

    @Test
    void powerAndEnergyAcrossTheCounterWrappingAtMaxEnergyRange() throws Exception {
        SysfsFixture f = laptop();
        RaplEnergySource rapl = new RaplEnergySource(f.tree(), 100, "Linux");
        rapl.probe();
        rapl.begin();
        CollectingSink sink = new CollectingSink();
        rapl.sample(5 * S, sink);
        assertTrue(sink.readings().isEmpty(), "the first reading is the baseline");

        // package: 262143000000 -> wraps past 262143328850 -> 500000: 328850 + 500000 uJ in 2 s
        f.file(PACKAGE + "energy_uj", 500_000).file("/sys/class/powercap/intel-rapl:0:0/energy_uj", 7_000_000);
        rapl.sample(7 * S, sink);
        assertEquals(0.82885, sink.only("package_energy_j"), 1e-12);
        assertEquals(0.414425, sink.only("package_power_w"), 1e-12);
        assertEquals("W", sink.unitOf("package_power_w"));
        assertEquals(6.0, sink.only("core_energy_j"), 1e-12);
        assertEquals(3.0, sink.only("core_power_w"), 1e-12);
        assertEquals(0.0, sink.only("uncore_power_w"), "an idle zone used no energy: a measured zero");
        assertTrue(sink.readings().stream().filter(r -> r.signal().endsWith("_energy_j")).allMatch(r -> r.energy()));
    }

    @Test
    void wrapAroundArithmetic() {
        RaplZone zone = new RaplZone("package", Path.of("energy_uj"), 1000);
        assertEquals(300, zone.deltaUj(100, 400));
        assertEquals(150, zone.deltaUj(900, 50));
    }

    @Test
    void reportsAnUnreadableCounterAsPermissionDenied() throws Exception {
        SysfsFixture f = new SysfsFixture(root);
        zone(f, "intel-rapl:0", "package-0", 1_000_000L);
        SysfsTree tree = f.treeDenying(PACKAGE + "energy_uj");
        assertEquals(Availability.unavailable("permission denied: /sys/class/powercap/intel-rapl:0/energy_uj"),
                new RaplEnergySource(tree, 100, "Linux").probe());
    }

    @Test
    void namesSubZonesAfterTheirPackageOnMultiPackageMachines() {
        SysfsFixture f = new SysfsFixture(root);
        zone(f, "intel-rapl:0", "package-0", 1L);
        zone(f, "intel-rapl:0:0", "dram", 1L);
        zone(f, "intel-rapl:1", "package-1", 1L);
        zone(f, "intel-rapl:1:0", "dram", 1L);
        RaplEnergySource rapl = new RaplEnergySource(f.tree(), 100, "Linux");
        rapl.probe();
        assertEquals(List.of("package_0", "package_0_dram", "package_1", "package_1_dram"),
                rapl.zones().stream().map(RaplZone::signal).toList());
    }
}
