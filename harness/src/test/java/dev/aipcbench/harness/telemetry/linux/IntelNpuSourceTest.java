package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntelNpuSourceTest {
    private static final long S = 1_000_000_000L;
    private static final String DEVICE = "/sys/class/accel/accel0/device/";

    @TempDir
    Path root;

    private SysfsFixture meteorLakeNpu() {
        return new SysfsFixture(root)
                .file(DEVICE + "npu_busy_time_us", 5_000_000)
                .file(DEVICE + "npu_current_frequency_mhz", 1400)
                .file(DEVICE + "npu_max_frequency_mhz", 1850)
                .file(DEVICE + "npu_memory_utilization", 268_435_456)
                .file(DEVICE + "sched_mode", "HW");
    }

    @Test
    void saysWhatItLookedForWhenThereIsNoNpu() {
        SysfsFixture fixture = new SysfsFixture(root).dir("/sys/class");
        assertEquals(Availability.unavailable("no /sys/class/accel/accel* device"),
                new IntelNpuSource(fixture.tree(), 1000, "Linux").probe());
        fixture.file("/sys/class/accel/accel0/device/vendor", "0x1022");
        assertEquals(Availability.unavailable("no Intel NPU: no /sys/class/accel/accel*/device/npu_busy_time_us"
                + " (the intel_vpu driver provides it)"), new IntelNpuSource(fixture.tree(), 1000, "Linux").probe());
        assertEquals(Availability.unavailable("not Linux"),
                new IntelNpuSource(meteorLakeNpu().tree(), 1000, "Windows 11").probe());
    }

    @Test
    void turnsTheBusyCounterIntoUtilisationOverTheInterval() throws Exception {
        SysfsFixture fixture = meteorLakeNpu();
        IntelNpuSource npu = new IntelNpuSource(fixture.tree(), 1000, "Linux");
        assertEquals(Availability.ok(), npu.probe());
        npu.begin();
        CollectingSink sink = new CollectingSink();
        npu.sample(10 * S, sink);
        assertTrue(sink.values("npu_busy_pct").isEmpty(), "the first reading is the baseline");
        fixture.file(DEVICE + "npu_busy_time_us", 5_750_000).file(DEVICE + "npu_current_frequency_mhz", 1850);
        npu.sample(11 * S, sink);
        fixture.file(DEVICE + "npu_busy_time_us", 7_750_000);
        npu.sample(13 * S, sink);

        assertEquals(List.of(75.0, 100.0), sink.values("npu_busy_pct"));
        assertEquals(List.of(1400.0, 1850.0, 1850.0), sink.values("npu_freq_mhz"));
        assertEquals(1850.0, sink.only("npu_max_freq_mhz"), "a constant is reported once");
        assertEquals(256.0, sink.values("npu_memory_used_mb").get(0));
        assertEquals("MB", sink.unitOf("npu_memory_used_mb"));
    }

    @Test
    void neverReadsTheBusyCounterSoonerThanItsInterval() throws Exception {
        SysfsFixture fixture = meteorLakeNpu();
        IntelNpuSource npu = new IntelNpuSource(fixture.tree(), 1000, "Linux");
        npu.probe();
        npu.begin();
        CollectingSink sink = new CollectingSink();
        npu.sample(10 * S, sink);
        int readsAfterFirst = fixture.reads.get();
        npu.sample(10 * S + 300_000_000L, sink);
        assertEquals(readsAfterFirst, fixture.reads.get(), "asked again 300 ms later: no file is read");
        npu.sample(11 * S, sink);
        assertTrue(fixture.reads.get() > readsAfterFirst);
    }

    @Test
    void reportsADeniedBusyCounterAsPermissionDenied() throws Exception {
        SysfsFixture fixture = meteorLakeNpu();
        SysfsTree tree = fixture.treeDenying(DEVICE + "npu_busy_time_us");
        assertEquals(Availability.unavailable("permission denied: /sys/class/accel/accel0/device/npu_busy_time_us"),
                new IntelNpuSource(tree, 1000, "Linux").probe());
    }
}
