package dev.aipcbench.harness.model.quantize;

/**
 * Round-to-nearest, symmetric, block-wise weight quantisation as ONNX Runtime's MLAS does it for
 * {@code MatMulNBits}: per block, the value of largest magnitude (with its sign) maps to code 0, so
 * {@code scale = vmax / -2^(bits-1)}, the implicit zero point is {@code 2^(bits-1)} (8 for int4, 128 for
 * int8; the contrib op's default, so no zero-point tensor is stored) and
 * {@code code = clamp(round(w / scale) + zp, 0, 2^bits - 1)}. Using the signed extreme wins one code of
 * range over {@code max|w| / 7}.
 */
public final class BlockQuantizer {
    private final int bits;
    private final int zeroPoint;
    private final int maxCode;

    public BlockQuantizer(int bits) {
        if (bits != 4 && bits != 8) {
            throw new IllegalArgumentException("bits must be 4 or 8, got " + bits);
        }
        this.bits = bits;
        this.zeroPoint = 1 << (bits - 1);
        this.maxCode = (1 << bits) - 1;
    }

    public int bits() {
        return bits;
    }

    public int zeroPoint() {
        return zeroPoint;
    }

    /** Bytes one block of {@code blockSize} codes packs into. */
    public int blobSize(int blockSize) {
        return blockSize * bits / 8;
    }

    /**
     * Quantises {@code count} values {@code src[offset + i * stride]} (a short last block is padded with
     * the zero code up to {@code blockSize}), writes the packed codes at {@code dst[dstOffset ..]} (int4:
     * element {@code 2j} in the low nibble of byte {@code j}, {@code 2j+1} in the high nibble) and
     * returns the scale.
     */
    public float quantizeBlock(float[] src, int offset, int stride, int count, int blockSize, byte[] dst, int dstOffset) {
        float vmax = 0f;
        float amax = 0f;
        for (int i = 0; i < count; i++) {
            float v = src[offset + i * stride];
            float a = Math.abs(v);
            if (a > amax) {
                amax = a;
                vmax = v;
            }
        }
        float scale = vmax / -zeroPoint;
        float inverse = scale != 0f ? 1f / scale : 0f;
        if (bits == 8) {
            for (int i = 0; i < blockSize; i++) {
                dst[dstOffset + i] = (byte) (i < count ? code(src[offset + i * stride], inverse) : zeroPoint);
            }
        } else {
            for (int i = 0; i < blockSize; i += 2) {
                int lo = i < count ? code(src[offset + i * stride], inverse) : zeroPoint;
                int hi = i + 1 < count ? code(src[offset + (i + 1) * stride], inverse) : zeroPoint;
                dst[dstOffset + i / 2] = (byte) (lo | (hi << 4));
            }
        }
        return scale;
    }

    private int code(float value, float inverse) {
        int q = Math.round(value * inverse) + zeroPoint;
        return q < 0 ? 0 : Math.min(q, maxCode);
    }

    /** Code {@code index} of a packed block. */
    public int codeAt(byte[] packed, int blockOffset, int index) {
        if (bits == 8) {
            return packed[blockOffset + index] & 0xFF;
        }
        int b = packed[blockOffset + index / 2] & 0xFF;
        return (index & 1) == 0 ? b & 0x0F : b >>> 4;
    }

    /** The weight a code stands for. */
    public float dequantize(int code, float scale) {
        return (code - zeroPoint) * scale;
    }
}
