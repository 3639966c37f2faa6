package dev.aipcbench.harness.telemetry;

/**
 * The one vocabulary of telemetry signal names: {@code <device>_<quantity>}, where the quantity says what is
 * measured and ends with its unit, so the same thing has the same name whichever source (sysfs, nvidia-smi,
 * Windows counters, OSHI) read it, and a reader compares an AMD GPU's memory with an NVIDIA GPU's by name.
 * Devices are prefixes such as {@code gpu}, {@code gpu0}, {@code npu}, {@code igpu_0x1234}, {@code fork}.
 */
public final class SignalName {
    /** What a signal measures, with its name's suffix and its unit (stated here only). */
    public enum Quantity {
        /** Share of time the engine was busy. */
        BUSY("busy_pct", "%"),
        /** Share of time the engine was idle (where the driver counts idleness, e.g. Intel's RC6). */
        IDLE("idle_pct", "%"),
        /** Device-local memory in use (VRAM, an NPU's own memory, a GPU adapter's dedicated memory). */
        MEMORY_USED("memory_used_mb", "MB"),
        /** System memory the device has mapped and uses (AMD's GTT, a Windows adapter's shared memory). */
        SHARED_MEMORY_USED("shared_memory_used_mb", "MB"),
        /** Clock frequency now. */
        FREQUENCY("freq_mhz", "MHz"),
        /** The highest clock frequency the driver allows now. */
        MAX_FREQUENCY("max_freq_mhz", "MHz"),
        POWER("power_w", "W"),
        TEMPERATURE("temp_c", "C");

        private final String suffix;
        private final String unit;

        Quantity(String suffix, String unit) {
            this.suffix = suffix;
            this.unit = unit;
        }

        public String suffix() {
            return suffix;
        }

        public String unit() {
            return unit;
        }
    }

    private final String name;
    private final Quantity quantity;

    private SignalName(String name, Quantity quantity) {
        this.name = name;
        this.quantity = quantity;
    }

    /** {@code gpu} + {@link Quantity#MEMORY_USED}: {@code gpu_memory_used_mb}. */
    public static SignalName of(String device, Quantity quantity) {
        return new SignalName(device + "_" + quantity.suffix, quantity);
    }

    public String name() {
        return name;
    }

    public String unit() {
        return quantity.unit;
    }

    /** Records {@code value} under this name and unit. */
    public void gauge(SampleSink sink, long tNanos, double value) {
        sink.gauge(tNanos, name, quantity.unit, value);
    }

    @Override
    public String toString() {
        return name;
    }
}
