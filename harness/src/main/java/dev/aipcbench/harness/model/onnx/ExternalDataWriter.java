package dev.aipcbench.harness.model.onnx;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Appends initializer bytes to the model's external data file and returns the {@link TensorProto}
 * that points at them (ONNX external-data convention: {@code location}, {@code offset}, {@code length}).
 * Each tensor is filled through a memory-mapped region, so a 3.8 B-parameter model streams to disk
 * while the Java heap holds none of it, and quantised layouts can be filled in any order.
 */
public final class ExternalDataWriter implements Closeable {
    /**
     * Large tensors start on 64 KiB boundaries: the allocation granularity of Windows, and a multiple
     * of every Linux page size, so ONNX Runtime can memory-map them on both.
     */
    private static final long LARGE_ALIGNMENT = 64 * 1024;
    private static final long LARGE_TENSOR = 1024 * 1024;
    private static final long SMALL_ALIGNMENT = 64;

    private final FileChannel channel;
    private final String location;
    private long end;

    /** Creates (or truncates) {@code dataFile}; tensors refer to it by its file name. */
    public ExternalDataWriter(Path dataFile) throws IOException {
        this.channel = FileChannel.open(dataFile, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.location = dataFile.getFileName().toString();
    }

    /**
     * Reserves {@code byteLength} bytes for a tensor, lets {@code fill} write them (little-endian, from
     * position 0 of the buffer it is given) and returns the proto that references them.
     */
    public TensorProto tensor(String name, TensorProto.DataType type, long[] dims, long byteLength,
                              Consumer<ByteBuffer> fill) throws IOException {
        if (byteLength > Integer.MAX_VALUE) {
            throw new IOException("tensor " + name + " has " + byteLength + " bytes; one tensor may have at most 2 GiB");
        }
        long alignment = byteLength >= LARGE_TENSOR ? LARGE_ALIGNMENT : SMALL_ALIGNMENT;
        long offset = (end + alignment - 1) / alignment * alignment;
        MappedByteBuffer region = channel.map(FileChannel.MapMode.READ_WRITE, offset, byteLength);
        region.order(ByteOrder.LITTLE_ENDIAN);
        fill.accept(region);
        end = offset + byteLength;
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                .setDataLocation(TensorProto.DataLocation.EXTERNAL);
        for (long d : dims) {
            t.addDims(d);
        }
        t.addExternalData(entry("location", location));
        t.addExternalData(entry("offset", Long.toString(offset)));
        t.addExternalData(entry("length", Long.toString(byteLength)));
        return t.build();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.force(false);
        } finally {
            channel.close();
        }
    }
}
