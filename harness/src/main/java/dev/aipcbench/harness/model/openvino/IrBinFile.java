package dev.aipcbench.harness.model.openvino;

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
 * The {@code .bin} beside an IR's XML: every Const layer's bytes, appended one constant at a time. Each
 * constant is filled through a memory-mapped region of the file, so a 3.8 B-parameter model streams to
 * disk with none of it on the Java heap, and a quantised layout can be filled in any order. Constants of
 * 1 MiB and more start on 4 KiB boundaries (OpenVINO maps the file; aligned weights can be used in place).
 */
final class IrBinFile implements Closeable {
    private static final long LARGE = 1 << 20;
    private static final long PAGE = 4096;
    private static final long SMALL_ALIGNMENT = 16;

    private final FileChannel channel;
    private long end;
    private long written;

    IrBinFile(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /**
     * Reserves {@code size} bytes, lets {@code fill} write them (little-endian, absolute positions from 0)
     * and returns their offset in the file.
     */
    long append(long size, Consumer<ByteBuffer> fill) throws IOException {
        if (size > Integer.MAX_VALUE) {
            throw new IOException("a constant of " + size + " bytes: one constant may have at most 2 GiB");
        }
        long alignment = size >= LARGE ? PAGE : SMALL_ALIGNMENT;
        long offset = (end + alignment - 1) / alignment * alignment;
        if (size > 0) {
            MappedByteBuffer region = channel.map(FileChannel.MapMode.READ_WRITE, offset, size);
            region.order(ByteOrder.LITTLE_ENDIAN);
            fill.accept(region);
        }
        end = offset + size;
        written += size;
        return offset;
    }

    /** Bytes of constants written so far (without alignment padding). */
    long written() {
        return written;
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
