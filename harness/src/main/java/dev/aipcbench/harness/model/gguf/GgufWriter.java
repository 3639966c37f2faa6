package dev.aipcbench.harness.model.gguf;

import dev.aipcbench.harness.model.Progress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a GGUF v3 file: the header ({@code "GGUF"}, version 3, tensor and key counts), the metadata, the
 * tensor infos (name, dimensions, type, data offset), then each tensor's data at an offset aligned to
 * {@code general.alignment} (GGUF's default, 32, which the metadata states). Each tensor is filled through
 * a memory-mapped region of the file, so a model far larger than the heap streams to disk and quantised
 * layouts can be filled in any order.
 */
public final class GgufWriter {
    public static final int ALIGNMENT = 32;
    private static final int VERSION = 3;

    private GgufWriter() {
    }

    /**
     * @param metadata must not hold {@code general.alignment}: the writer adds it
     * @param progress told the bytes of tensor data written so far
     */
    public static void write(Path file, GgufMetadata metadata, List<GgufTensor> tensors, Progress progress) throws IOException {
        metadata.putUint32("general.alignment", ALIGNMENT);
        long[] offsets = new long[tensors.size()];
        long dataLength = 0;
        for (int i = 0; i < tensors.size(); i++) {
            GgufTensor t = tensors.get(i);
            if (t.byteLength() > Integer.MAX_VALUE) {
                throw new IOException("tensor " + t.name() + " has " + t.byteLength() + " bytes; the writer maps at most 2 GiB per tensor");
            }
            offsets[i] = dataLength;
            dataLength = align(dataLength + t.byteLength());
        }
        byte[] header = header(metadata, tensors, offsets);
        long dataStart = align(header.length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate((int) dataStart);
            head.put(header);
            head.position(0);
            while (head.hasRemaining()) {
                channel.write(head);
            }
            long done = 0;
            progress.update(0, dataLength);
            for (int i = 0; i < tensors.size(); i++) {
                GgufTensor t = tensors.get(i);
                MappedByteBuffer region = channel.map(FileChannel.MapMode.READ_WRITE, dataStart + offsets[i], t.byteLength());
                region.order(ByteOrder.LITTLE_ENDIAN);
                t.fill(region);
                done = i + 1 < tensors.size() ? offsets[i + 1] : dataLength;
                progress.update(done, dataLength);
            }
            // The last tensor's padding, so the file ends where its size says.
            if (channel.size() < dataStart + dataLength) {
                channel.write(ByteBuffer.allocate(1), dataStart + dataLength - 1);
            }
            channel.force(false);
        }
    }

    private static byte[] header(GgufMetadata metadata, List<GgufTensor> tensors, long[] offsets) {
        byte[] kv = metadata.encoded();
        int infoBytes = 0;
        for (GgufTensor t : tensors) {
            infoBytes += 8 + t.name().getBytes(StandardCharsets.UTF_8).length + 4 + 8 * t.dims().length + 4 + 8;
        }
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 8 + 8 + kv.length + infoBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GGUF".getBytes(StandardCharsets.US_ASCII));
        b.putInt(VERSION);
        b.putLong(tensors.size());
        b.putLong(metadata.count());
        b.put(kv);
        for (int i = 0; i < tensors.size(); i++) {
            GgufTensor t = tensors.get(i);
            byte[] name = t.name().getBytes(StandardCharsets.UTF_8);
            b.putLong(name.length);
            b.put(name);
            b.putInt(t.dims().length);
            for (long d : t.dims()) {
                b.putLong(d);
            }
            b.putInt(t.type().id());
            b.putLong(offsets[i]);
        }
        return b.array();
    }

    private static long align(long offset) {
        return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
}
