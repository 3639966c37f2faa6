package dev.aipcbench.harness.model.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;

import java.nio.ByteBuffer;

/**
 * The bytes of an initializer that is yet to be written: produced on demand, straight into the
 * external-data file, so no weight is ever held whole on the heap.
 */
public interface TensorContent {
    TensorProto.DataType type();

    long[] dims();

    long byteLength();

    /** Writes exactly {@link #byteLength()} little-endian bytes at absolute positions 0.. of {@code dst}. */
    void fill(ByteBuffer dst);
}
