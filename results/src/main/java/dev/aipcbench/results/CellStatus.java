package dev.aipcbench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How a cell ended; exactly one per cell. {@code skipped}: the host lacks the device or library (the
 * reason says what was looked for). {@code unsupported}: the runtime cannot do this device/precision.
 * {@code failed}: it was tried and broke (error text and the tail of the fork's stderr are kept).
 */
public enum CellStatus {
    OK, SKIPPED, UNSUPPORTED, FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CellStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return id();
    }
}
