package dev.aipcbench.harness.model.quantize;

import ai.onnxruntime.platform.Fp16Conversions;

import java.nio.ByteBuffer;

/** A {@code [rows, cols]} fp32 or fp16 matrix stored in an existing model's (memory-mapped) bytes. */
final class StoredMatrix implements MatrixSource {
    private final ByteBuffer bytes;
    private final int rows;
    private final int cols;
    private final boolean half;

    StoredMatrix(ByteBuffer bytes, int rows, int cols, boolean half) {
        this.bytes = bytes;
        this.rows = rows;
        this.cols = cols;
        this.half = half;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public void readRows(int firstRow, int count, float[] dst) {
        long base = (long) firstRow * cols;
        int n = count * cols;
        if (half) {
            for (int i = 0; i < n; i++) {
                dst[i] = Fp16Conversions.fp16ToFloat(bytes.getShort((int) ((base + i) * 2)));
            }
        } else {
            bytes.duplicate().order(bytes.order()).asFloatBuffer().get((int) base, dst, 0, n);
        }
    }
}
