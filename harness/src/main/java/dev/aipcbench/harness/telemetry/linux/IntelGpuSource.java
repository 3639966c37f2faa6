package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.SignalName;
import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.SampleSink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The Intel integrated GPU through the i915 or xe driver: its actual frequency
 * ({@code /sys/class/drm/card<N>/gt_act_freq_mhz} on i915, {@code device/tile0/gt0/freq0/act_freq} on
 * xe), the share of time it sat idle in RC6 ({@code gt/gt0/rc6_residency_ms} on i915,
 * {@code device/tile0/gt0/gtidle/idle_residency_ms} on xe) and, for the followed process, how busy it
 * kept each engine class ({@link FdinfoEngineBusy}).
 * <p>
 * Signals: {@code gpu_freq_mhz}, {@code gpu_idle_pct}, {@code fork_<class>_busy_pct}. Of several Intel
 * cards the one at PCI 0000:00:02.0 (where Intel places its integrated GPU) is taken, else the first.
 */
public final class IntelGpuSource extends SysfsPolledSource {
    public static final String ID = "intel-gpu";
    private static final String INTEGRATED_PCI_ADDRESS = "0000:00:02.0";

    private Path frequencyFile;
    private Path idleFile;
    private FdinfoEngineBusy engines;

    private final ResidencyCounter idle = new ResidencyCounter(1e6); // milliseconds

    public IntelGpuSource(SysfsTree sys, long intervalMs, String osName) {
        super(ID, sys, intervalMs, osName);
    }

    @Override
    protected Availability probeLinux() {
        Path chosen = null;
        String chosenDriver = null;
        for (Path card : list("/sys/class/drm", "card\\d+")) {
            String driver = intelDriver(card);
            if (driver != null && (chosen == null || INTEGRATED_PCI_ADDRESS.equals(sys.realName(card.resolve("device"))))) {
                chosen = card;
                chosenDriver = driver;
            }
        }
        if (chosen == null) {
            return Availability.unavailable("no Intel i915/xe card under /sys/class/drm");
        }
        if (chosenDriver.equals("xe")) {
            frequencyFile = firstExisting(chosen.resolve("device/tile0/gt0/freq0/act_freq"),
                    chosen.resolve("device/tile0/gt0/freq0/cur_freq"));
            idleFile = firstExisting(chosen.resolve("device/tile0/gt0/gtidle/idle_residency_ms"));
        } else {
            frequencyFile = firstExisting(chosen.resolve("gt_act_freq_mhz"), chosen.resolve("gt_cur_freq_mhz"));
            idleFile = firstExisting(chosen.resolve("gt/gt0/rc6_residency_ms"), chosen.resolve("power/rc6_residency_ms"));
        }
        String address = sys.realName(chosen.resolve("device"));
        engines = new FdinfoEngineBusy(sys, Set.of(chosenDriver),
                address != null && address.matches("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]") ? address : null);
        return Availability.ok();
    }

    /** "i915" or "xe" if the card is driven by one of them (by its driver link, else by its files and vendor); else null. */
    private String intelDriver(Path card) {
        String driver = sys.realName(card.resolve("device/driver"));
        if (driver != null) {
            return driver.equals("i915") || driver.equals("xe") ? driver : null;
        }
        String vendor;
        try {
            vendor = sys.read(card.resolve("device/vendor"));
        } catch (IOException e) {
            vendor = null;
        }
        if (vendor != null && !vendor.equalsIgnoreCase("0x8086")) {
            return null;
        }
        if (sys.exists(card.resolve("device/tile0/gt0/freq0"))) {
            return "xe";
        }
        return sys.exists(card.resolve("gt_act_freq_mhz")) || sys.exists(card.resolve("gt_cur_freq_mhz")) ? "i915" : null;
    }

    @Override
    public void begin() {
        idle.reset();
        engines.follow(0);
    }

    @Override
    public void follow(long pid) {
        engines.follow(pid);
    }

    @Override
    public void sample(long tNanos, SampleSink sink) throws IOException {
        if (frequencyFile != null) {
            SignalName.of("gpu", SignalName.Quantity.FREQUENCY).gauge(sink, tNanos, sys.readLong(frequencyFile));
        }
        if (idleFile != null) {
            double pct = idle.percent(sys.readLong(idleFile), tNanos);
            if (!Double.isNaN(pct)) {
                SignalName.of("gpu", SignalName.Quantity.IDLE).gauge(sink, tNanos, pct);
            }
        }
        engines.sample(tNanos, sink);
    }
}
