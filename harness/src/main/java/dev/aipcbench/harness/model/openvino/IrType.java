package dev.aipcbench.harness.model.openvino;

/**
 * The OpenVINO element types the suite's IR uses: the name in a layer's {@code <data>} ({@code f32}) and
 * the port {@code precision} ({@code FP32}, mandatory on every port of an IR v11 file), with the bits one
 * element takes in the {@code .bin} (i4/u4 pack two to a byte, the first in the low nibble).
 */
public enum IrType {
    F32("f32", "FP32", 32),
    F16("f16", "FP16", 16),
    I64("i64", "I64", 64),
    I32("i32", "I32", 32),
    U8("u8", "U8", 8),
    I8("i8", "I8", 8),
    U4("u4", "U4", 4),
    I4("i4", "I4", 4),
    BOOLEAN("boolean", "BOOL", 8),
    /** Strings (the tokenizer's input and the detokenizer's output); never a Const here. */
    STRING("string", "STRING", 0);

    private final String id;
    private final String precision;
    private final int bits;

    IrType(String id, String precision, int bits) {
        this.id = id;
        this.precision = precision;
        this.bits = bits;
    }

    /** The name in {@code element_type}, {@code destination_type} and similar attributes. */
    public String id() {
        return id;
    }

    /** The name in a port's {@code precision}. */
    public String precision() {
        return precision;
    }

    public int bits() {
        return bits;
    }

    /** Bytes {@code elements} values take in the {@code .bin}. */
    public long bytes(long elements) {
        return (elements * bits + 7) / 8;
    }
}
