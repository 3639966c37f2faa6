package dev.aipcbench.harness.runtime;

/** The runtime cannot do this device/precision/model at all; a cell that meets it ends {@code unsupported}. */
public class UnsupportedCombinationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedCombinationException(String reason) {
        super(reason);
    }
}
