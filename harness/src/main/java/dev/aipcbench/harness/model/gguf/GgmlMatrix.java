package dev.aipcbench.harness.model.gguf;

import dev.aipcbench.harness.model.quantize.MatrixSource;

import java.nio.ByteBuffer;
import java.util.stream.IntStream;

/**
 * A 2-D GGUF tensor whose values come from a {@link MatrixSource}, read a band of source rows at a time so
 * memory stays bounded whatever the matrix size. ggml stores a weight applied as {@code y = W x} one row
 * per output ({@code {in, out}}), the transpose of ONNX's {@code MatMul} weight ({@code [in, out]}
 * row-major): {@link #transposed} sources are such weights; an embedding table ({@code [vocab, hidden]},
 * one row per token) is written as it is.
 */
public final class GgmlMatrix implements GgufTensor {
    /** About 16 MiB of floats per band. */
    private static final int BAND_VALUES = 4 << 20;

    private final String name;
    private final MatrixSource source;
    private final boolean transposed;
    private final GgmlType type;

    private GgmlMatrix(String name, MatrixSource source, boolean transposed, GgmlType type) {
        this.name = name;
        this.source = source;
        this.transposed = transposed;
        this.type = type;
        type.rowBytes(rowLength());
    }

    /** A {@code [in, out]} MatMul weight, written as ggml's {@code {in, out}} (rows of {@code in} values). */
    public static GgmlMatrix weight(String name, MatrixSource inByOut, GgmlType type) {
        return new GgmlMatrix(name, inByOut, true, type);
    }

    /** A table of rows ({@code [rows, cols]}), written row for row as {@code {cols, rows}}. */
    public static GgmlMatrix rows(String name, MatrixSource rows, GgmlType type) {
        return new GgmlMatrix(name, rows, false, type);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GgmlType type() {
        return type;
    }

    @Override
    public long[] dims() {
        return new long[] {rowLength(), transposed ? source.cols() : source.rows()};
    }

    private int rowLength() {
        return transposed ? source.rows() : source.cols();
    }

    @Override
    public void fill(ByteBuffer dst) {
        int cols = source.cols();
        int rowBytes = (int) type.rowBytes(rowLength());
        // A band of a transposed source is a span of every output row, so it must end on a block boundary.
        int unit = transposed ? type.blockSize() : 1;
        int band = Math.max(unit, BAND_VALUES / cols / unit * unit);
        float[] values = new float[band * cols];
        for (int first = 0; first < source.rows(); first += band) {
            int count = Math.min(band, source.rows() - first);
            source.readRows(first, count, values);
            int start = first;
            if (transposed) {
                int position = start / type.blockSize() * type.blockBytes();
                IntStream.range(0, cols).parallel().forEach(out ->
                        type.encode(values, out, cols, count, dst, out * rowBytes + position));
            } else {
                IntStream.range(0, count).parallel().forEach(r ->
                        type.encode(values, r * cols, 1, cols, dst, (start + r) * rowBytes));
            }
        }
    }
}
