package dev.aipcbench.harness.matrix;

/**
 * A profile value out of range, thrown by the profile records as Jackson binds them; {@link ProfileReader}
 * puts the file and the field's full JSON path in front of it.
 */
final class ProfileFieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    ProfileFieldException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    /** The field's name within the object being bound, e.g. {@code forks} inside {@code jmh}. */
    String field() {
        return field;
    }
}
