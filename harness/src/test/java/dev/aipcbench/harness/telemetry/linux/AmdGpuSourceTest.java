package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AmdGpuSourceTest {
    private static final long S = 1_000_000_000L;
    private static final String APU = "/sys/devices/pci0000:00/0000:c4:00.0";

    @TempDir
    Path root;

    @Test
    void busyShareMemoryAndPowerIntegratedIntoEnergy() throws Exception {
        SysfsFixture f = new SysfsFixture(root)
                .dir("/sys/bus/pci/drivers/amdgpu")
                .link(APU + "/driver", "/sys/bus/pci/drivers/amdgpu")
                .file(APU + "/vendor", "0x1002")
                .file(APU + "/gpu_busy_percent", 37)
                .file(APU + "/mem_info_vram_used", 536_870_912)
                .file(APU + "/mem_info_gtt_used", 1_073_741_824)
                .file(APU + "/hwmon/hwmon5/name", "amdgpu")
                .file(APU + "/hwmon/hwmon5/power1_input", 12_500_000)
                .link("/sys/class/drm/card1/device", APU);
        AmdGpuSource amd = new AmdGpuSource(f.tree(), 100, "Linux");
        assertEquals(Availability.ok(), amd.probe());
        amd.begin();
        CollectingSink sink = new CollectingSink();
        amd.sample(10 * S, sink);
        f.file(APU + "/gpu_busy_percent", 99).file(APU + "/hwmon/hwmon5/power1_input", 20_000_000);
        amd.sample(12 * S, sink);

        assertEquals(List.of(37.0, 99.0), sink.values("gpu_busy_pct"));
        assertEquals(512.0, sink.values("gpu_memory_used_mb").get(0));
        assertEquals(1024.0, sink.values("gpu_shared_memory_used_mb").get(0));
        assertEquals(List.of(12.5, 20.0), sink.values("gpu_power_w"));
        assertEquals(40.0, sink.only("gpu_energy_j"), 1e-9, "20 W over 2 s");
    }

    @Test
    void saysWhatItLookedForWhenThereIsNoAmdCard() {
        SysfsFixture intel = new SysfsFixture(root).file("/sys/class/drm/card0/gt_act_freq_mhz", 300);
        assertEquals(Availability.unavailable("no AMD card with gpu_busy_percent under /sys/class/drm"),
                new AmdGpuSource(intel.tree(), 100, "Linux").probe());
        assertEquals(Availability.unavailable("not Linux"), new AmdGpuSource(intel.tree(), 100, "Windows 10").probe());
    }
}
