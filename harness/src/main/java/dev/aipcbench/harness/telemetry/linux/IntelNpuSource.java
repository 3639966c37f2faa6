package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.SignalName;
import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.PolledSource;
import dev.aipcbench.harness.telemetry.SampleSink;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Intel NPU through the intel_vpu (ivpu) driver's sysfs files under
 * {@code /sys/class/accel/accel<N>/device/}: {@code npu_busy_time_us} (time the NPU spent on jobs),
 * and where the driver has them {@code npu_current_frequency_mhz}, {@code npu_max_frequency_mhz} and
 * {@code npu_memory_utilization} (bytes the NPU's buffers hold).
 * <p>
 * Signals: {@code npu_busy_pct} (busy time over the interval), {@code npu_freq_mhz},
 * {@code npu_max_freq_mhz} (read once), {@code npu_memory_used_mb}. The driver warns that reading the busy
 * counter often slows job submission and recommends about once a second, so this source runs on the
 * slow schedule ({@code telemetry.npu_interval_ms}, default 1000) and never reads sooner than that
 * after its previous reading, whoever asks.
 */
public final class IntelNpuSource implements PolledSource {
    public static final String ID = "intel-npu";
    private static final double MB = 1024.0 * 1024.0;

    private final SysfsTree sys;
    private final long intervalMs;
    private final String osName;
    private Path busyFile;
    private Path frequencyFile;
    private Path maxFrequencyFile;
    private Path memoryFile;

    private long previousBusyUs = -1;
    private long previousNanos;
    private boolean maxFrequencySent;

    public IntelNpuSource(SysfsTree sys, long intervalMs, String osName) {
        this.sys = sys;
        this.intervalMs = intervalMs;
        this.osName = osName;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public long intervalMs() {
        return intervalMs;
    }

    @Override
    public Availability probe() {
        if (!LinuxPlatform.is(osName)) {
            return Availability.unavailable(LinuxPlatform.NOT_LINUX);
        }
        Path accel = sys.path("/sys/class/accel");
        List<Path> devices;
        try {
            devices = sys.list(accel, name -> name.matches("accel\\d+"));
        } catch (IOException e) {
            return Availability.unavailable("cannot list /sys/class/accel: " + e.getMessage());
        }
        if (devices.isEmpty()) {
            return Availability.unavailable("no /sys/class/accel/accel* device");
        }
        for (Path device : devices) {
            Path busy = device.resolve("device/npu_busy_time_us");
            if (!sys.exists(busy)) {
                continue; // another accel driver (e.g. AMD's amdxdna) without this counter
            }
            try {
                sys.readLong(busy);
            } catch (AccessDeniedException e) {
                return Availability.unavailable("permission denied: " + sys.show(busy));
            } catch (IOException e) {
                return Availability.unavailable("cannot read " + sys.show(busy) + ": " + e.getMessage());
            }
            busyFile = busy;
            frequencyFile = optional(device.resolve("device/npu_current_frequency_mhz"));
            maxFrequencyFile = optional(device.resolve("device/npu_max_frequency_mhz"));
            memoryFile = optional(device.resolve("device/npu_memory_utilization"));
            return Availability.ok();
        }
        return Availability.unavailable("no Intel NPU: no /sys/class/accel/accel*/device/npu_busy_time_us"
                + " (the intel_vpu driver provides it)");
    }

    private Path optional(Path file) {
        return sys.exists(file) ? file : null;
    }

    @Override
    public void begin() {
        previousBusyUs = -1;
        maxFrequencySent = false;
    }

    @Override
    public void sample(long tNanos, SampleSink sink) throws IOException {
        if (previousBusyUs >= 0 && tNanos - previousNanos < intervalMs * 1_000_000L) {
            return; // e.g. the recorder's last reading right after a scheduled one: the driver asks for restraint
        }
        long busyUs = sys.readLong(busyFile);
        if (previousBusyUs >= 0 && busyUs >= previousBusyUs && tNanos > previousNanos) {
            // a counter that went backwards means the device was reset: that interval has no value
            double pct = 100.0 * (busyUs - previousBusyUs) * 1000.0 / (tNanos - previousNanos);
            // the driver's clock and ours differ by the read latency, which can push a full interval just past 100
            SignalName.of("npu", SignalName.Quantity.BUSY).gauge(sink, tNanos, Math.min(100.0, pct));
        }
        previousBusyUs = busyUs;
        previousNanos = tNanos;
        if (frequencyFile != null) {
            SignalName.of("npu", SignalName.Quantity.FREQUENCY).gauge(sink, tNanos, sys.readLong(frequencyFile));
        }
        if (maxFrequencyFile != null && !maxFrequencySent) {
            SignalName.of("npu", SignalName.Quantity.MAX_FREQUENCY).gauge(sink, tNanos, sys.readLong(maxFrequencyFile));
            maxFrequencySent = true;
        }
        if (memoryFile != null) {
            SignalName.of("npu", SignalName.Quantity.MEMORY_USED).gauge(sink, tNanos, sys.readLong(memoryFile) / MB);
        }
    }
}
