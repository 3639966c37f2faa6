package dev.aipcbench.harness.model.quantize;

import java.nio.ByteBuffer;
import java.util.stream.IntStream;

/**
 * Writes a {@code [K, N]} MatMul weight in the layout of ONNX Runtime's {@code com.microsoft.MatMulNBits}:
 * {@code B} is uint8 {@code [N, kBlocks, blob]} (column n of the weight, block by block along K) and
 * {@code scales} is {@code [N * kBlocks]} in the activation type. Reads the source one band of
 * {@code blockSize} rows at a time (all N columns of one K-block), so memory stays at
 * {@code blockSize * N} floats whatever the matrix size.
 */
public final class MatMulNBitsWeights {
    private final BlockQuantizer quantizer;
    private final int blockSize;

    public MatMulNBitsWeights(int bits, int blockSize) {
        if (blockSize < 16 || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("--block-size must be a power of two >= 16, got " + blockSize);
        }
        this.quantizer = new BlockQuantizer(bits);
        this.blockSize = blockSize;
    }

    public BlockQuantizer quantizer() {
        return quantizer;
    }

    public int blockSize() {
        return blockSize;
    }

    public int kBlocks(int k) {
        return (k + blockSize - 1) / blockSize;
    }

    public long packedBytes(int k, int n) {
        return (long) n * kBlocks(k) * quantizer.blobSize(blockSize);
    }

    public long scaleCount(int k, int n) {
        return (long) n * kBlocks(k);
    }

    /** Scales as fp32 ({@code scalesHalf == false}) or fp16 into {@code scales}; codes into {@code packed}. */
    public void write(MatrixSource source, ByteBuffer packed, ByteBuffer scales, boolean scalesHalf) {
        int k = source.rows();
        int n = source.cols();
        int kBlocks = kBlocks(k);
        int blob = quantizer.blobSize(blockSize);
        float[] band = new float[blockSize * n];
        for (int b = 0; b < kBlocks; b++) {
            int first = b * blockSize;
            int count = Math.min(blockSize, k - first);
            source.readRows(first, count, band);
            final int block = b;
            // Columns are independent: quantise them in parallel, each into its own slot of the output.
            IntStream.range(0, n).parallel().forEach(col -> {
                byte[] codes = new byte[blob];
                float scale = quantizer.quantizeBlock(band, col, n, count, blockSize, codes, 0);
                long slot = (long) col * kBlocks + block;
                packed.put((int) (slot * blob), codes);
                if (scalesHalf) {
                    scales.putShort((int) (slot * 2), ai.onnxruntime.platform.Fp16Conversions.floatToFp16(scale));
                } else {
                    scales.putFloat((int) (slot * 4), scale);
                }
            });
        }
    }
}
