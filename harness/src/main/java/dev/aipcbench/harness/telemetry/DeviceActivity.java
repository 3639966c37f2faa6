package dev.aipcbench.harness.telemetry;

import dev.aipcbench.results.TelemetryResult;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the hardware says about where a cell's work ran: the busy share of the device the cell is labelled
 * with, against the CPU time of its fork, from the telemetry recorded beside it. Runtimes fall back silently
 * (ONNX Runtime hands the nodes a provider cannot take to the CPU provider, OpenVINO's AUTO or an unsupported
 * op moves work to the CPU); a cell labelled npu, igpu or dgpu whose device stayed idle while its fork kept a
 * core busy is flagged {@code fallback suspected} with both figures, so it is never ranked as that device's.
 *
 * <p>The device's busy share is the busiest of its {@link SignalName.Quantity#BUSY} signals (one per engine
 * type or adapter on Windows), or {@code 100 - idle} where the driver counts idleness (Intel's RC6).
 */
public final class DeviceActivity {
    /** Below this average busy share the device counts as idle (a desktop compositor alone keeps a GPU at a few %). */
    public static final double IDLE_BELOW_PCT = 5;
    /** At or above this share of one core the fork counts as computing on the CPU. */
    public static final double CPU_BUSY_FROM_PCT = 50;

    private static final Pattern NPU_BUSY = Pattern.compile("npu(_[0-9a-f]+)?(_[a-z0-9]+)?_" + SignalName.Quantity.BUSY.suffix());
    private static final Pattern GPU_BUSY = Pattern.compile("gpu\\d*(_[0-9a-f]+)?(_[a-z0-9]+)?_" + SignalName.Quantity.BUSY.suffix());
    private static final String GPU_IDLE = SignalName.of("gpu", SignalName.Quantity.IDLE).name();
    private static final String FORK_CPU = "fork_cpu_pct";

    /**
     * @param device            the device the cell asked for ({@code npu}, {@code igpu}, {@code dgpu})
     * @param deviceBusyPct     its busiest engine's average busy share while the cell ran
     * @param deviceSignal      the signal that figure came from
     * @param forkCpuPct        the fork's average CPU time, in % of one core (NaN when not recorded)
     * @param fallbackSuspected the device idle while the fork computed
     */
    public record Evidence(String device, double deviceBusyPct, String deviceSignal, double forkCpuPct, boolean fallbackSuspected) {
        /** e.g. {@code npu 0.0% busy (npu_busy_pct), fork CPU 98% of a core: fallback suspected}. */
        public String describe() {
            String cpu = Double.isNaN(forkCpuPct) ? "fork CPU not recorded" : String.format(Locale.ROOT, "fork CPU %.0f%% of a core", forkCpuPct);
            return String.format(Locale.ROOT, "%s %.1f%% busy (%s), %s%s", device, deviceBusyPct, deviceSignal, cpu,
                    fallbackSuspected ? ": fallback suspected" : "");
        }
    }

    private DeviceActivity() {
    }

    /** The evidence for an accelerator cell; empty for the CPU, or when no source recorded the device's busyness. */
    public static Optional<Evidence> of(String device, TelemetryResult telemetry) {
        if (telemetry == null || telemetry.sources() == null || device == null || device.equals("cpu")) {
            return Optional.empty();
        }
        Pattern busy = device.equals("npu") ? NPU_BUSY : GPU_BUSY;
        String signal = null;
        double deviceBusy = Double.NaN;
        double forkCpu = Double.NaN;
        for (TelemetryResult.Source s : telemetry.sources()) {
            if (!"ok".equals(s.status()) || s.signals() == null) {
                continue;
            }
            for (Map.Entry<String, TelemetryResult.Signal> e : s.signals().entrySet()) {
                String name = e.getKey();
                double value = Double.NaN;
                if (busy.matcher(name).matches()) {
                    value = e.getValue().avg();
                } else if (!device.equals("npu") && name.equals(GPU_IDLE)) {
                    value = 100 - e.getValue().avg();
                } else if (name.equals(FORK_CPU)) {
                    forkCpu = e.getValue().avg();
                }
                if (!Double.isNaN(value) && (Double.isNaN(deviceBusy) || value > deviceBusy)) {
                    deviceBusy = value;
                    signal = name;
                }
            }
        }
        if (signal == null) {
            return Optional.empty();
        }
        boolean suspected = deviceBusy < IDLE_BELOW_PCT && forkCpu >= CPU_BUSY_FROM_PCT;
        return Optional.of(new Evidence(device, deviceBusy, signal, forkCpu, suspected));
    }
}
