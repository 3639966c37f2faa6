package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.SignalName;
import dev.aipcbench.harness.telemetry.Availability;
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
public final class IntelNpuSource extends SysfsPolledSource {
    public static final String ID = "intel-npu";

    private Path busyFile;
    private Path frequencyFile;
    private Path maxFrequencyFile;
    private Path memoryFile;

    private final ResidencyCounter busy = new ResidencyCounter(1000.0); // microseconds
    private boolean maxFrequencySent;

    public IntelNpuSource(SysfsTree sys, long intervalMs, String osName) {
        super(ID, sys, intervalMs, osName);
    }

    @Override
    protected Availability probeLinux() {
        List<Path> devices = list("/sys/class/accel", "accel\\d+");
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
            frequencyFile = firstExisting(device.resolve("device/npu_current_frequency_mhz"));
            maxFrequencyFile = firstExisting(device.resolve("device/npu_max_frequency_mhz"));
            memoryFile = firstExisting(device.resolve("device/npu_memory_utilization"));
            return Availability.ok();
        }
        return Availability.unavailable("no Intel NPU: no /sys/class/accel/accel*/device/npu_busy_time_us"
                + " (the intel_vpu driver provides it)");
    }

    @Override
    public void begin() {
        busy.reset();
        maxFrequencySent = false;
    }

    @Override
    public void sample(long tNanos, SampleSink sink) throws IOException {
        if (busy.primed() && tNanos - busy.previousNanos() < intervalMs() * 1_000_000L) {
            return; // e.g. the recorder's last reading right after a scheduled one: the driver asks for restraint
        }
        double pct = busy.percent(sys.readLong(busyFile), tNanos);
        if (!Double.isNaN(pct)) {
            SignalName.of("npu", SignalName.Quantity.BUSY).gauge(sink, tNanos, pct);
        }
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
