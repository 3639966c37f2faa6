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
 * GPU sysfs sources over a sysfs fixture (no NPU or iGPU here; the fixture's counters move as a busy or an
 * idle device's would) beside OSHI following this process while one of its threads computes on the CPU. A
 * device that stayed idle while the process kept a core busy is flagged; a busy one is not.
 */
class FallbackFromRecordedTelemetryTest {
    private static final String NPU = "/sys/class/accel/accel0/device/";
    private static final String GPU = "/sys/class/drm/card0/";

    @TempDir
    Path root;

    /** Records ~1.2 s while a thread spins; {@code busyDevice} advances the device's busy (or, for the GPU, keeps its idle) counter. */
    private TelemetryResult record(SysfsFixture fixture, boolean npu, boolean busyDevice) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread cpu = new Thread(() -> {
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() % 3;
            }
            if (x == 7) {
                System.out.print("");
            }
        });
        Thread device = new Thread(() -> {
            long t0 = System.nanoTime();
            while (!stop.get()) {
                long elapsedUs = (System.nanoTime() - t0) / 1000;
                long elapsedMs = elapsedUs / 1000;
                if (npu) {
                    fixture.file(NPU + "npu_busy_time_us", busyDevice ? 1_000_000 + elapsedUs : 1_000_000);
                } else {
                    // RC6 residency: an idle GPU sleeps all the time, a busy one never
                    fixture.file(GPU + "gt/gt0/rc6_residency_ms", busyDevice ? 5_000 : 5_000 + elapsedMs);
                }
                try {
                    Thread.sleep(2); // a real counter moves continuously: keep the lag well under the 100 ms interval
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<dev.aipcbench.harness.telemetry.TelemetrySource> sources = List.of(
                npu ? new IntelNpuSource(fixture.tree(), 200, "Linux") : new IntelGpuSource(fixture.tree(), 100, "Linux"),
                new OshiSource(100, 1000));
        TelemetryRecording recording;
        cpu.start();
        device.start();
        try (TelemetryRecorder recorder = TelemetryRecorder.start(sources, null)) {
            recorder.follow(ProcessHandle.current().pid());
            Thread.sleep(1200);
            recording = recorder.stop(0);
        } finally {
            stop.set(true);
            cpu.join();
            device.join();
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
