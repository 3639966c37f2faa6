package dev.aipcbench.harness.model.quantize;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.platform.Fp16Conversions;
import dev.aipcbench.harness.model.onnx.TensorContent;

import java.nio.ByteBuffer;

/**
 * A 2-D float initializer ({@code [rows, cols]}, fp32 or fp16 on disk) whose values come from a
 * {@link MatrixSource}. It is both the content to write as-is and, for a MatMul weight, the source
 * that {@link MatMulNBitsRewriter} quantises instead.
 */
public final class FloatMatrix implements TensorContent {
    private static final int BAND_ROWS = 64;

    private final MatrixSource source;
    private final boolean half;

    public FloatMatrix(MatrixSource source, boolean half) {
        this.source = source;
        this.half = half;
    }

    public MatrixSource source() {
        return source;
    }

    public boolean half() {
        return half;
    }

    @Override
    public TensorProto.DataType type() {
        return half ? TensorProto.DataType.FLOAT16 : TensorProto.DataType.FLOAT;
    }

    @Override
    public long[] dims() {
        return new long[] {source.rows(), source.cols()};
    }

    @Override
    public long byteLength() {
        return (long) source.rows() * source.cols() * (half ? 2 : 4);
    }

    @Override
    public void fill(ByteBuffer dst) {
        int cols = source.cols();
        int width = half ? 2 : 4;
        float[] band = new float[BAND_ROWS * cols];
        for (int first = 0; first < source.rows(); first += BAND_ROWS) {
            int count = Math.min(BAND_ROWS, source.rows() - first);
            source.readRows(first, count, band);
            int base = (int) ((long) first * cols * width);
            for (int i = 0; i < count * cols; i++) {
                if (half) {
                    dst.putShort(base + i * width, Fp16Conversions.floatToFp16(band[i]));
                } else {
                    dst.putFloat(base + i * width, band[i]);
                }
            }
        }
    }
}
