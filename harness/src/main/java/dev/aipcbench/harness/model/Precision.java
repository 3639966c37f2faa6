package dev.aipcbench.harness.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Weight precision of a model. {@code fp32} is the reference; {@code int8}/{@code int4} are weight-only
 * block quantisation (ONNX {@code MatMulNBits}), as onnxruntime-genai's model builder writes them.
 */
public enum Precision {
    FP32(32), FP16(16), INT8(8), INT4(4);

    private final int bits;

    Precision(int bits) {
        this.bits = bits;
    }

    /** Bits per stored weight element. */
    public int bits() {
        return bits;
    }

    public boolean isQuantized() {
        return this == INT8 || this == INT4;
    }

    /** The lower-case name used on the command line, in profiles and in results. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    /** Parses {@code fp32|fp16|int8|int4} (case-insensitive) or fails naming the accepted values. */
    @JsonCreator
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + text + "': expected one of "
                + Arrays.stream(values()).map(Precision::id).collect(Collectors.joining(", ")));
    }
}
