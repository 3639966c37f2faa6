package dev.aipcbench.harness.model.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.platform.Fp16Conversions;

import java.nio.ByteBuffer;

/** A small 1-D float initializer (norm weights and the like), fp32 or fp16 on disk. */
public final class FloatVector implements TensorContent {
    private final float[] values;
    private final boolean half;

    public FloatVector(float[] values, boolean half) {
        this.values = values;
        this.half = half;
    }

    @Override
    public TensorProto.DataType type() {
        return half ? TensorProto.DataType.FLOAT16 : TensorProto.DataType.FLOAT;
    }

    @Override
    public long[] dims() {
        return new long[] {values.length};
    }

    @Override
    public long byteLength() {
        return (long) values.length * (half ? 2 : 4);
    }

    @Override
    public void fill(ByteBuffer dst) {
        for (int i = 0; i < values.length; i++) {
            if (half) {
                dst.putShort(2 * i, Fp16Conversions.floatToFp16(values[i]));
            } else {
                dst.putFloat(4 * i, values[i]);
            }
        }
    }
}
