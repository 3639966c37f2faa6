package dev.aipcbench.harness.model.quantize;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.onnx.TensorContent;

import java.nio.ByteBuffer;

/** An initializer copied unchanged from an existing model's bytes. */
final class StoredBytes implements TensorContent {
    private final TensorProto.DataType type;
    private final long[] dims;
    private final ByteBuffer bytes;

    StoredBytes(TensorProto proto, ByteBuffer bytes) {
        this.type = TensorProto.DataType.forNumber(proto.getDataType());
        this.dims = proto.getDimsList().stream().mapToLong(Long::longValue).toArray();
        this.bytes = bytes;
    }

    @Override
    public TensorProto.DataType type() {
        return type;
    }

    @Override
    public long[] dims() {
        return dims;
    }

    @Override
    public long byteLength() {
        return bytes.remaining();
    }

    @Override
    public void fill(ByteBuffer dst) {
        dst.put(0, bytes, bytes.position(), bytes.remaining());
    }
}
