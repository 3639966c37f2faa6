package dev.aipcbench.harness.runtime;

/**
 * Whether a runtime can run a device/precision on this host, and if not, why: {@code SKIPPED} when
 * something is absent here (device, library, model), {@code UNSUPPORTED} when the runtime cannot do it
 * anywhere. The reason names what was looked for.
 */
public record Availability(Kind kind, String reason) {
    public enum Kind { AVAILABLE, SKIPPED, UNSUPPORTED }

    public static Availability available() {
        return new Availability(Kind.AVAILABLE, null);
    }

    public static Availability skipped(String reason) {
        return new Availability(Kind.SKIPPED, reason);
    }

    public static Availability unsupported(String reason) {
        return new Availability(Kind.UNSUPPORTED, reason);
    }

    public boolean isAvailable() {
        return kind == Kind.AVAILABLE;
    }
}
