package dev.aipcbench.harness.telemetry;

/**
 * Whether a telemetry source can report on this machine and, when it cannot, why
 * ("no /sys/class/accel/accel* device", "permission denied: /sys/class/powercap/intel-rapl:0/energy_uj").
 * An unavailable source reports no values: absent is never written down as zero.
 */
public record Availability(boolean available, String reason) {
    private static final Availability OK = new Availability(true, null);

    public Availability {
        if (!available && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an unavailable source must say why");
        }
        if (available && reason != null) {
            throw new IllegalArgumentException("an available source carries no reason");
        }
    }

    public static Availability ok() {
        return OK;
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }

    @Override
    public String toString() {
        return available ? "available" : "unavailable: " + reason;
    }
}
