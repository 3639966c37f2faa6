package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntelGpuSourceTest {
    private static final long S = 1_000_000_000L;
    private static final String IGPU = "/sys/devices/pci0000:00/0000:00:02.0";
    private static final long PID = 4242;

    @TempDir
    Path root;

    private static String i915Client(String clientId, String pdev, long renderNs, long videoNs) {
        return "pos:\t0\nflags:\t0100002\nmnt_id:\t26\nino:\t685\n"
                + "drm-driver:\ti915\n"
                + "drm-client-id:\t" + clientId + "\n"
                + "drm-pdev:\t" + pdev + "\n"
                + "drm-total-system0:\t8 MiB\n"
                + "drm-engine-render:\t" + renderNs + " ns\n"
                + "drm-engine-copy:\t0 ns\n"
                + "drm-engine-video:\t" + videoNs + " ns\n"
                + "drm-engine-capacity-video:\t2\n"
                + "drm-engine-video-enhance:\t0 ns\n";
    }

    private SysfsFixture tigerLakeI915() {
        return new SysfsFixture(root)
                .file(IGPU + "/vendor", "0x8086")
                .dir("/sys/bus/pci/drivers/i915")
                .link(IGPU + "/driver", "/sys/bus/pci/drivers/i915")
                .link("/sys/class/drm/card0/device", IGPU)
                .file("/sys/class/drm/card0/gt_act_freq_mhz", 1100)
                .file("/sys/class/drm/card0/gt_cur_freq_mhz", 1200)
                .file("/sys/class/drm/card0/gt/gt0/rc6_residency_ms", 1000)
                .file("/sys/class/drm/card0-eDP-1/status", "connected")
                .file("/sys/class/drm/renderD128/dev", "226:128")
                // the followed process: a jar, one DRM client opened twice, and a client of another GPU
                .file("/opt/app.jar", "PK")
                .link("/proc/4242/fd/3", "/opt/app.jar")
                .file("/proc/4242/fdinfo/3", "pos:\t0\nflags:\t0100000\nmnt_id:\t24\nino:\t3")
                .link("/proc/4242/fd/7", "/dev/dri/renderD128")
                .file("/proc/4242/fdinfo/7", i915Client("7", "0000:00:02.0", 100_000_000L, 0))
                .link("/proc/4242/fd/8", "/dev/dri/renderD128")
                .file("/proc/4242/fdinfo/8", i915Client("7", "0000:00:02.0", 100_000_000L, 0))
                .link("/proc/4242/fd/9", "/dev/dri/renderD129")
                .file("/proc/4242/fdinfo/9", i915Client("9", "0000:03:00.0", 0, 0));
    }

    @Test
    void saysWhatItLookedForWhenThereIsNoIntelCard() {
        SysfsFixture amdOnly = new SysfsFixture(root)
                .dir("/sys/bus/pci/drivers/amdgpu")
                .link("/sys/devices/pci0000:00/0000:03:00.0/driver", "/sys/bus/pci/drivers/amdgpu")
                .link("/sys/class/drm/card0/device", "/sys/devices/pci0000:00/0000:03:00.0")
                .file("/sys/devices/pci0000:00/0000:03:00.0/gpu_busy_percent", 3);
        assertEquals(Availability.unavailable("no Intel i915/xe card under /sys/class/drm"),
                new IntelGpuSource(amdOnly.tree(), 100, "Linux").probe());
        assertEquals(Availability.unavailable("no Intel i915/xe card under /sys/class/drm"),
                new IntelGpuSource(new SysfsFixture(root.resolve("empty")).tree(), 100, "Linux").probe());
        assertEquals(Availability.unavailable("not Linux"),
                new IntelGpuSource(tigerLakeI915().tree(), 100, "Windows 11").probe());
    }

    @Test
    void i915FrequencyIdleShareAndTheFollowedProcessEngines() throws Exception {
        SysfsFixture f = tigerLakeI915();
        IntelGpuSource gpu = new IntelGpuSource(f.tree(), 100, "Linux");
        assertEquals(Availability.ok(), gpu.probe());
        gpu.begin();
        gpu.follow(PID);
        CollectingSink sink = new CollectingSink();
        gpu.sample(10 * S, sink);
        assertEquals(Set.of("gpu_freq_mhz"), sink.signals(), "rates start at the second reading");

        f.file("/sys/class/drm/card0/gt/gt0/rc6_residency_ms", 1600)
                .file("/proc/4242/fdinfo/7", i915Client("7", "0000:00:02.0", 600_000_000L, 1_000_000_000L))
                .file("/proc/4242/fdinfo/8", i915Client("7", "0000:00:02.0", 600_000_000L, 1_000_000_000L))
                .file("/proc/4242/fdinfo/9", i915Client("9", "0000:03:00.0", 900_000_000L, 0))
                // a client opened since: its counters may cover time before the recording
                .link("/proc/4242/fd/10", "/dev/dri/renderD128")
                .file("/proc/4242/fdinfo/10", i915Client("11", "0000:00:02.0", 5_000_000_000L, 0));
        gpu.sample(11 * S, sink);
        assertEquals(60.0, sink.only("gpu_idle_pct"), 1e-9);
        assertEquals(50.0, sink.only("fork_render_busy_pct"), 1e-9, "client 7 counted once, client 9 is another GPU's");
        assertEquals(50.0, sink.only("fork_video_busy_pct"), 1e-9, "1 s busy over 2 video engines");
        assertEquals(0.0, sink.only("fork_copy_busy_pct"));
        assertEquals(0.0, sink.only("fork_video_enhance_busy_pct"));

        f.file("/proc/4242/fdinfo/7", i915Client("7", "0000:00:02.0", 850_000_000L, 1_000_000_000L))
                .file("/proc/4242/fdinfo/10", i915Client("11", "0000:00:02.0", 5_250_000_000L, 0));
        sink.clear();
        gpu.sample(12 * S, sink);
        assertEquals(50.0, sink.only("fork_render_busy_pct"), 1e-9, "both clients now count");
        assertEquals(1100.0, sink.only("gpu_freq_mhz"));
    }

    @Test
    void xeFrequencyIdleShareAndEngineCycles() throws Exception {
        String xeGpu = "/sys/devices/pci0000:00/0000:00:02.0";
        SysfsFixture f = new SysfsFixture(root)
                .dir("/sys/bus/pci/drivers/xe")
                .link(xeGpu + "/driver", "/sys/bus/pci/drivers/xe")
                .link("/sys/class/drm/card1/device", xeGpu)
                .file(xeGpu + "/tile0/gt0/freq0/act_freq", 2050)
                .file(xeGpu + "/tile0/gt0/freq0/cur_freq", 2100)
                .file(xeGpu + "/tile0/gt0/gtidle/idle_residency_ms", 5000)
                .link("/proc/4242/fd/5", "/dev/dri/renderD128")
                .file("/proc/4242/fdinfo/5", xeClient(28_257_900L, 7_655_183_225L, 0));
        IntelGpuSource gpu = new IntelGpuSource(f.tree(), 100, "Linux");
        assertEquals(Availability.ok(), gpu.probe());
        gpu.begin();
        gpu.follow(PID);
        CollectingSink sink = new CollectingSink();
        gpu.sample(10 * S, sink);
        f.file(xeGpu + "/tile0/gt0/gtidle/idle_residency_ms", 5250)
                .file("/proc/4242/fdinfo/5", xeClient(30_257_900L, 7_665_183_225L, 8_000_000L));
        gpu.sample(11 * S, sink);

        assertEquals(List.of(2050.0, 2050.0), sink.values("gpu_freq_mhz"));
        assertEquals(25.0, sink.only("gpu_idle_pct"), 1e-9);
        assertEquals(20.0, sink.only("fork_render_busy_pct"), 1e-9, "2e6 of 1e7 cycles");
        assertEquals(20.0, sink.only("fork_compute_busy_pct"), 1e-9, "8e6 of 1e7 cycles over 4 compute engines");
        assertEquals(0.0, sink.only("fork_copy_busy_pct"));

        gpu.follow(0);
        sink.clear();
        gpu.sample(12 * S, sink);
        assertTrue(sink.signals().stream().noneMatch(s -> s.startsWith("fork_")), "no process followed: no fork signals");
    }

    /** An xe client, as the kernel's xe documentation shows one. */
    private static String xeClient(long rcsCycles, long totalCycles, long ccsCycles) {
        return "pos:\t0\nflags:\t0100002\nmnt_id:\t26\nino:\t685\n"
                + "drm-driver:\txe\ndrm-client-id:\t3\ndrm-pdev:\t0000:00:02.0\n"
                + "drm-total-system:\t0\ndrm-resident-gtt:\t192 KiB\ndrm-total-vram0:\t23992 KiB\n"
                + "drm-cycles-rcs:\t" + rcsCycles + "\ndrm-total-cycles-rcs:\t" + totalCycles + "\n"
                + "drm-cycles-bcs:\t0\ndrm-total-cycles-bcs:\t" + totalCycles + "\n"
                + "drm-cycles-ccs:\t" + ccsCycles + "\ndrm-total-cycles-ccs:\t" + totalCycles + "\n"
                + "drm-engine-capacity-ccs:\t4\n";
    }

    @Test
    void parsesTheDrmClientUsageFormat() {
        DrmClientUsage u = DrmClientUsage.parse(i915Client("7", "0000:00:02.0", 25_662_044_495L, 12L));
        assertEquals("i915", u.driver());
        assertEquals("7", u.clientId());
        assertEquals("0000:00:02.0", u.pdev());
        assertEquals(25_662_044_495L, u.engineNs().get("render"));
        assertEquals(12L, u.engineNs().get("video"));
        assertEquals(2, u.capacityOf("video"));
        assertEquals(1, u.capacityOf("render"));
        assertTrue(u.engineNs().keySet().stream().noneMatch(k -> k.startsWith("capacity")));

        DrmClientUsage xe = DrmClientUsage.parse(xeClient(1, 2, 3));
        assertEquals(1L, xe.cycles().get("rcs"));
        assertEquals(2L, xe.totalCycles().get("ccs"));
        assertEquals(4, xe.capacityOf("ccs"));
        assertEquals(null, DrmClientUsage.parse("pos:\t0\nflags:\t02\n").driver(), "not a DRM client");
    }
}
