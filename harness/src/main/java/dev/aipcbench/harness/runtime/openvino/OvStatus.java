package dev.aipcbench.harness.runtime.openvino;

/**
 * OpenVINO's {@code ov_status_e} codes (openvino/c/ov_common.h), named for messages. OpenVINO GenAI's C
 * API returns only the code; where openvino_c is loaded, {@link OpenVinoCore#lastErrorMessage()} adds
 * OpenVINO's own text.
 */
public final class OvStatus {
    public static final int OK = 0;
    private static final String[] NAMES = {
        "OK", "GENERAL_ERROR", "NOT_IMPLEMENTED", "NETWORK_NOT_LOADED", "PARAMETER_MISMATCH", "NOT_FOUND", "OUT_OF_BOUNDS",
        "UNEXPECTED", "REQUEST_BUSY", "RESULT_NOT_READY", "NOT_ALLOCATED", "INFER_NOT_STARTED", "NETWORK_NOT_READ",
        "INFER_CANCELLED", "INVALID_C_PARAM", "UNKNOWN_C_ERROR", "NOT_IMPLEMENT_C_METHOD", "UNKNOW_EXCEPTION"};

    private OvStatus() {
    }

    /** e.g. {@code GENERAL_ERROR (-1)}. */
    public static String describe(int status) {
        String name = status <= 0 && -status < NAMES.length ? NAMES[-status] : "unknown status";
        return name + " (" + status + ")";
    }
}
