package dev.aipcbench.harness.runtime.openvino;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An OpenVINO tensor over a direct buffer of the suite's ({@code ov_tensor_create_from_host_ptr}): OpenVINO
 * reads the suite's memory in place, so a decode step's input is changed by writing one value into the
 * buffer. The buffer is held here for as long as the tensor lives.
 */
final class OvTensor implements AutoCloseable {
    private final OpenVinoCore core;
    private final Pointer handle;
    private final ByteBuffer buffer;

    private OvTensor(OpenVinoCore core, Pointer handle, ByteBuffer buffer) {
        this.core = core;
        this.handle = handle;
        this.buffer = buffer;
    }

    /** A direct native-order buffer of {@code bytes}. */
    static ByteBuffer allocate(long bytes) {
        return ByteBuffer.allocateDirect((int) Math.max(bytes, 8)).order(ByteOrder.nativeOrder());
    }

    /** A tensor of {@code elementType} and {@code shape} over {@code buffer} (from its position 0). */
    static OvTensor over(OpenVinoCore core, int elementType, long[] shape, ByteBuffer buffer) {
        OvCoreLibrary.Shape.ByValue s = new OvCoreLibrary.Shape.ByValue();
        Memory dims = new Memory(8L * Math.max(shape.length, 1));
        for (int i = 0; i < shape.length; i++) {
            dims.setLong(8L * i, shape[i]);
        }
        s.rank = shape.length;
        s.dims = dims;
        PointerByReference out = new PointerByReference();
        core.check(core.library().ov_tensor_create_from_host_ptr(elementType, s, Native.getDirectBufferPointer(buffer), out),
                "ov_tensor_create_from_host_ptr");
        return new OvTensor(core, out.getValue(), buffer);
    }

    Pointer handle() {
        return handle;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    @Override
    public void close() {
        core.library().ov_tensor_free(handle);
    }
}
