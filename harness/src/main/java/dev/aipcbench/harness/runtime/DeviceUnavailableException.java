package dev.aipcbench.harness.runtime;

/**
 * The requested device or library is not present on this host. A cell that meets it ends
 * {@code skipped} with this message, which names what was looked for.
 */
public class DeviceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String reason) {
        super(reason);
    }
}
