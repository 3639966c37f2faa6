package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.SignalName;
import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.PowerIntegrator;
import dev.aipcbench.harness.telemetry.SampleSink;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An AMD GPU through the amdgpu driver: {@code /sys/class/drm/card<N>/device/gpu_busy_percent}, the
 * memory in use ({@code mem_info_vram_used}, {@code mem_info_gtt_used}, bytes) and the hwmon power
 * reading ({@code device/hwmon/hwmon<M>/power1_average}, or {@code power1_input} where the kernel
 * reports that instead, in microwatts), integrated into energy.
 * <p>
 * Signals: {@code gpu_busy_pct}, {@code gpu_memory_used_mb} (VRAM), {@code gpu_shared_memory_used_mb} (GTT), {@code gpu_power_w},
 * {@code gpu_energy_j}. Of several AMD cards the first is taken.
 */
public final class AmdGpuSource extends SysfsPolledSource {
    public static final String ID = "amd-gpu";

    private final PowerIntegrator integrator = new PowerIntegrator();
    private Path busyFile;
    private Path vramFile;
    private Path gttFile;
    private Path powerFile;

    public AmdGpuSource(SysfsTree sys, long intervalMs, String osName) {
        super(ID, sys, intervalMs, osName);
    }

    @Override
    protected Availability probeLinux() {
        for (Path card : list("/sys/class/drm", "card\\d+")) {
            Path device = card.resolve("device");
            if (!sys.exists(device.resolve("gpu_busy_percent")) || !isAmd(device)) {
                continue;
            }
            busyFile = device.resolve("gpu_busy_percent");
            vramFile = firstExisting(device.resolve("mem_info_vram_used"));
            gttFile = firstExisting(device.resolve("mem_info_gtt_used"));
            powerFile = null;
            try {
                for (Path hwmon : sys.list(device.resolve("hwmon"), name -> name.matches("hwmon\\d+"))) {
                    powerFile = firstExisting(hwmon.resolve("power1_average"), hwmon.resolve("power1_input"));
                    if (powerFile != null) {
                        break;
                    }
                }
            } catch (IOException e) {
                powerFile = null; // busy and memory still report; power is simply absent
            }
            return Availability.ok();
        }
        return Availability.unavailable("no AMD card with gpu_busy_percent under /sys/class/drm");
    }

    private boolean isAmd(Path device) {
        String driver = sys.realName(device.resolve("driver"));
        if (driver != null) {
            return driver.equals("amdgpu");
        }
        try {
            return sys.read(device.resolve("vendor")).equalsIgnoreCase("0x1002");
        } catch (IOException e) {
            return true; // gpu_busy_percent is amdgpu's own file
        }
    }

    @Override
    public void begin() {
        integrator.reset();
    }

    @Override
    public void sample(long tNanos, SampleSink sink) throws IOException {
        SignalName.of("gpu", SignalName.Quantity.BUSY).gauge(sink, tNanos, sys.readLong(busyFile));
        if (vramFile != null) {
            SignalName.of("gpu", SignalName.Quantity.MEMORY_USED).gauge(sink, tNanos, sys.readLong(vramFile) / MB);
        }
        if (gttFile != null) {
            SignalName.of("gpu", SignalName.Quantity.SHARED_MEMORY_USED).gauge(sink, tNanos, sys.readLong(gttFile) / MB);
        }
        if (powerFile != null) {
            double watts = sys.readLong(powerFile) / 1e6;
            SignalName.of("gpu", SignalName.Quantity.POWER).gauge(sink, tNanos, watts);
            sink.energy(tNanos, "gpu_energy_j", integrator.joules(tNanos, watts));
        }
    }
}
