package dev.aipcbench.harness.runtime.openvino;

/** An OpenVINO or OpenVINO GenAI C API call returned an error status; the message names the call and the status. */
public class OvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public OvException(String call, int status, String detail) {
        super("OpenVINO " + call + " failed: " + OvStatus.describe(status)
                + (detail == null || detail.isBlank() ? "" : ": " + detail.strip()));
        this.status = status;
    }

    /** The {@code ov_status_e} returned. */
    public int status() {
        return status;
    }
}
