package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.DeviceActivity;
import dev.aipcbench.harness.telemetry.TelemetryRecorder;
import dev.aipcbench.harness.telemetry.TelemetryRecording;
import dev.aipcbench.harness.telemetry.oshi.OshiSource;
import dev.aipcbench.results.TelemetryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Fallback suspected" from telemetry recorded for real: the telemetry recorder runs the Intel NPU and Intel
 * GPU sysfs sources over a sysfs fixture (no NPU or iGPU here; the fixture's counter moves, as it is read, as a
 * busy or an idle device's would) beside OSHI following this process while two of its threads compute on the CPU. A
 * device that stayed idle while the process kept a core busy is flagged; a busy one is not.
 */
class FallbackFromRecordedTelemetryTest {
    private static final String NPU = "/sys/class/accel/accel0/device/";
    private static final String GPU = "/sys/class/drm/card0/";

    @TempDir
    Path root;

    /**
     * Records ~2 s while a thread spins. The device's counter file is read as the kernel's is: its value is
     * computed when read ({@code busyDevice}: the NPU's busy time grows with the clock, or the GPU's RC6 idle
     * time stands still; else the other way round), so a loaded machine cannot make it lag.
     */
    private TelemetryResult record(SysfsFixture fixture, boolean npu, boolean busyDevice) throws Exception {
        long t0 = System.nanoTime();
        Path counter = fixture.path(npu ? NPU + "npu_busy_time_us" : GPU + "gt/gt0/rc6_residency_ms");
        boolean grows = npu == busyDevice;
        SysfsTree tree = new SysfsTree(fixture.root, file -> file.equals(counter)
                ? (npu ? 1_000_000 + (grows ? (System.nanoTime() - t0) / 1000 : 0) : 5_000 + (grows ? (System.nanoTime() - t0) / 1_000_000 : 0)) + "\n"
                : SysfsTree.ContentReader.DIRECT.read(file));
        AtomicBoolean stop = new AtomicBoolean();
        // two computing threads, as a two-thread CPU fallback would run: still well over half a core on a
        // machine other work keeps busy
        Runnable spin = () -> {
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() % 3;
            }
            if (x == 7) {
                System.out.print("");
            }
        };
        Thread cpu = new Thread(spin);
        Thread cpu2 = new Thread(spin);
        List<dev.aipcbench.harness.telemetry.TelemetrySource> sources = List.of(
                npu ? new IntelNpuSource(tree, 100, "Linux") : new IntelGpuSource(tree, 100, "Linux"),
                new OshiSource(100, 1000));
        TelemetryRecording recording;
        cpu.start();
        cpu2.start();
        try (TelemetryRecorder recorder = TelemetryRecorder.start(sources, null)) {
            recorder.follow(ProcessHandle.current().pid());
            Thread.sleep(2000); // several readings even when a loaded machine delays the recorder
            recording = recorder.stop(0);
        } finally {
            stop.set(true);
            cpu.join();
            cpu2.join();
        }
        return recording.result(null);
    }

    private SysfsFixture npu() {
        return new SysfsFixture(root).file(NPU + "npu_busy_time_us", 1_000_000).file(NPU + "npu_current_frequency_mhz", 1400);
    }

    /** An i915 iGPU at the integrated slot, as in {@code IntelGpuSourceTest}. */
    private SysfsFixture gpu() {
        String pci = "/sys/devices/pci0000:00/0000:00:02.0";
        return new SysfsFixture(root).file(pci + "/vendor", "0x8086").dir("/sys/bus/pci/drivers/i915")
                .link(pci + "/driver", "/sys/bus/pci/drivers/i915").link(GPU + "device", pci)
                .file(GPU + "gt_act_freq_mhz", 1200).file(GPU + "gt/gt0/rc6_residency_ms", 5_000);
    }

    @Test
    void anIdleNpuBesideABusyCpuIsFlaggedAndABusyNpuIsNot() throws Exception {
        Optional<DeviceActivity.Evidence> idle = DeviceActivity.of("npu", record(npu(), true, false));
        assertTrue(idle.isPresent());
        assertTrue(idle.get().fallbackSuspected(), idle.get().describe());
        assertEquals("npu_busy_pct", idle.get().deviceSignal());
        assertTrue(idle.get().describe().endsWith(": fallback suspected"), idle.get().describe());

        Optional<DeviceActivity.Evidence> busy = DeviceActivity.of("npu", record(npu(), true, true));
        assertFalse(busy.orElseThrow().fallbackSuspected(), busy.get().describe());
        assertTrue(busy.get().deviceBusyPct() > 50, busy.get().describe());
    }

    @Test
    void anIgpuThatSleptThroughTheCellIsFlagged() throws Exception {
        DeviceActivity.Evidence idle = DeviceActivity.of("igpu", record(gpu(), false, false)).orElseThrow();
        assertTrue(idle.fallbackSuspected(), idle.describe());
        assertEquals("gpu_idle_pct", idle.deviceSignal());
        DeviceActivity.Evidence busy = DeviceActivity.of("igpu", record(gpu(), false, true)).orElseThrow();
        assertFalse(busy.fallbackSuspected(), busy.describe());
    }

    @Test
    void theCpuAndCellsWithoutDeviceTelemetryHaveNoEvidence() throws Exception {
        TelemetryResult r = record(npu(), true, false);
        assertTrue(DeviceActivity.of("cpu", r).isEmpty());
        assertTrue(DeviceActivity.of("dgpu", r).isEmpty(), "no GPU signal was recorded");
    }
}
