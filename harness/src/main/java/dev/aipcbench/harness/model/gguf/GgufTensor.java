package dev.aipcbench.harness.model.gguf;

import java.nio.ByteBuffer;

/**
 * One tensor of a GGUF file: its name, ggml type and shape in ggml's order ({@code ne0}, the contiguous
 * row length, first), and the bytes it fills in when the writer reaches it.
 */
public interface GgufTensor {
    String name();

    GgmlType type();

    /** {@code ne0, ne1, ...}: a weight applied as {@code y = W x} is {@code {in, out}}, one row per output. */
    long[] dims();

    /** Writes the tensor's {@link #byteLength()} bytes into {@code dst} (little-endian, from position 0), in any order. */
    void fill(ByteBuffer dst);

    default long byteLength() {
        long[] d = dims();
        long rows = 1;
        for (int i = 1; i < d.length; i++) {
            rows *= d[i];
        }
        return rows * type().rowBytes(d[0]);
    }
}
