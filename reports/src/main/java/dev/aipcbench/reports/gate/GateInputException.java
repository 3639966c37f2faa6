package dev.aipcbench.reports.gate;

/**
 * The gate cannot judge because of its input: a missing or unreadable results folder, results of
 * different hardware, a malformed threshold, an option out of range. The message is one line naming
 * the folder or field, meant to be printed as is; the command line exits with {@link #EXIT_CODE}.
 */
public final class GateInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit status of the gate command for usage and input errors (0 pass, 1 regression). */
    public static final int EXIT_CODE = 2;

    public GateInputException(String message) {
        super(oneLine(message));
    }

    public GateInputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    // CI logs show the first line of a failure; keep the whole story on it.
    private static String oneLine(String message) {
        return message == null ? "gate input error" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
