package dev.aipcbench.harness.model.gguf;

import ai.onnxruntime.platform.Fp16Conversions;

import java.nio.ByteBuffer;

/**
 * The ggml tensor types the suite writes into GGUF files, with ggml's own type ids, and how each encodes
 * values. A type stores a row ({@code ne0} values) in blocks: F32 and F16 in blocks of one; Q8_0 and Q4_0
 * in blocks of 32 values behind an fp16 scale {@code d}, as ggml's reference quantisers define them:
 * Q8_0 {@code d = max|x| / 127}, codes {@code round(x / d)} as signed bytes; Q4_0 {@code d = m / -8} where
 * {@code m} is the value of largest magnitude (sign kept), codes {@code min(15, trunc(x / d + 8.5))}, value
 * {@code j} in the low nibble and value {@code j + 16} in the high nibble of byte {@code j}. Both read back
 * as {@code d * code} (Q4_0: {@code d * (code - 8)}).
 */
public enum GgmlType {
    F32(0, 1, 4) {
        @Override
        void encodeBlock(float[] src, int offset, int stride, ByteBuffer dst, int position) {
            dst.putFloat(position, src[offset]);
        }
    },
    F16(1, 1, 2) {
        @Override
        void encodeBlock(float[] src, int offset, int stride, ByteBuffer dst, int position) {
            dst.putShort(position, Fp16Conversions.floatToFp16(src[offset]));
        }
    },
    Q4_0(2, 32, 2 + 16) {
        @Override
        void encodeBlock(float[] src, int offset, int stride, ByteBuffer dst, int position) {
            float amax = 0f;
            float max = 0f;
            for (int j = 0; j < 32; j++) {
                float v = src[offset + j * stride];
                if (Math.abs(v) > amax) {
                    amax = Math.abs(v);
                    max = v;
                }
            }
            float d = max / -8f;
            float id = d != 0f ? 1f / d : 0f;
            dst.putShort(position, Fp16Conversions.floatToFp16(d));
            for (int j = 0; j < 16; j++) {
                int lo = Math.min(15, (int) (src[offset + j * stride] * id + 8.5f));
                int hi = Math.min(15, (int) (src[offset + (j + 16) * stride] * id + 8.5f));
                dst.put(position + 2 + j, (byte) (lo | hi << 4));
            }
        }
    },
    Q8_0(8, 32, 2 + 32) {
        @Override
        void encodeBlock(float[] src, int offset, int stride, ByteBuffer dst, int position) {
            float amax = 0f;
            for (int j = 0; j < 32; j++) {
                amax = Math.max(amax, Math.abs(src[offset + j * stride]));
            }
            float d = amax / 127f;
            float id = d != 0f ? 1f / d : 0f;
            dst.putShort(position, Fp16Conversions.floatToFp16(d));
            for (int j = 0; j < 32; j++) {
                float x = src[offset + j * stride] * id;
                // C's roundf: halves away from zero
                dst.put(position + 2 + j, (byte) (x < 0 ? -Math.round(-x) : Math.round(x)));
            }
        }
    };

    private final int id;
    private final int blockSize;
    private final int blockBytes;

    GgmlType(int id, int blockSize, int blockBytes) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    /** ggml's {@code enum ggml_type} value, as the GGUF tensor info stores it. */
    public int id() {
        return id;
    }

    /** Values per block. */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block. */
    public int blockBytes() {
        return blockBytes;
    }

    /** Bytes of one row of {@code elements} values (a whole number of blocks). */
    public long rowBytes(long elements) {
        if (elements % blockSize != 0) {
            throw new IllegalArgumentException(this + " rows hold whole blocks of " + blockSize + " values; a row of "
                    + elements + " does not");
        }
        return elements / blockSize * blockBytes;
    }

    /**
     * Encodes {@code count} values {@code src[offset + i * stride]} (a whole number of blocks) at
     * {@code dst[position ..]}.
     */
    public void encode(float[] src, int offset, int stride, int count, ByteBuffer dst, int position) {
        for (int b = 0; b < count / blockSize; b++) {
            encodeBlock(src, offset + b * blockSize * stride, stride, dst, position + b * blockBytes);
        }
    }

    abstract void encodeBlock(float[] src, int offset, int stride, ByteBuffer dst, int position);
}
