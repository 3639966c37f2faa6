package dev.aipcbench.harness.model.openvino;

import ai.onnxruntime.platform.Fp16Conversions;
import dev.aipcbench.harness.model.openvino.IrGraph.Port;
import dev.aipcbench.harness.model.quantize.MatrixSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Writes one weight matrix into the IR in a {@link WeightFormat}: its Constant(s) in the {@code .bin} and
 * the decompression subgraph, returning the f32 weight the consumer (MatMul with {@code transpose_b}, or the
 * embedding's Gather) reads. The source's rows are the output channels ({@code [out, in]}, OpenVINO's and
 * NNCF's layout); it is read a band of rows at a time and every row is quantised on its own, so memory stays
 * at one band whatever the matrix size. Scales and zero points (one per row, or per group) are collected on
 * the heap while the codes stream to disk and written after them.
 */
final class CompressedWeights {
    private static final int BAND_ROWS = 64;

    private final IrOps ops;
    private final IrGraph g;
    private final LongConsumer progress;

    /** @param progress receives the number of weight values written, band by band */
    CompressedWeights(IrOps ops, LongConsumer progress) {
        this.ops = ops;
        this.g = ops.graph();
        this.progress = progress;
    }

    /** The matrix {@code name} ({@code [out, in]}) as an f32 tensor, stored in {@code format}. */
    Port write(String name, MatrixSource source, WeightFormat format, int groupSize) throws IOException {
        long rows = source.rows();
        long cols = source.cols();
        switch (format) {
            case F32:
                return g.constant(name, IrType.F32, new long[] {rows, cols}, b -> stream(source, (band, first, count) -> {
                    for (int i = 0; i < count * source.cols(); i++) {
                        b.putFloat((int) (((long) first * cols + i) * 4), band[i]);
                    }
                }));
            case F16:
                return ops.convert(g.constant(name, IrType.F16, new long[] {rows, cols}, b -> stream(source, (band, first, count) -> {
                    for (int i = 0; i < count * source.cols(); i++) {
                        b.putShort((int) (((long) first * cols + i) * 2), Fp16Conversions.floatToFp16(band[i]));
                    }
                })), IrType.F32);
            case INT8_ASYM:
                return asymmetric8(name, source);
            case INT4_SYM:
                return symmetric4(name, source, groupSize);
            default:
                throw new IllegalArgumentException("weight format " + format);
        }
    }

    /** u8 codes {@code [out, in]}, u8 zero points and f16 scales {@code [out, 1]}. */
    private Port asymmetric8(String name, MatrixSource source) throws IOException {
        int rows = source.rows();
        int cols = source.cols();
        float[] scales = new float[rows];
        byte[] zeroPoints = new byte[rows];
        Port codes = g.constant(name, IrType.U8, new long[] {rows, cols}, b -> stream(source, (band, first, count) ->
                IntStream.range(0, count).parallel().forEach(r -> {
                    byte[] q = new byte[cols];
                    float[] sz = NncfQuantizer.asymmetric8(band, r * cols, cols, q, 0);
                    scales[first + r] = sz[0];
                    zeroPoints[first + r] = (byte) (int) sz[1];
                    b.put((int) ((long) (first + r) * cols), q);
                })));
        Port zp = g.constant(name + "/zero_point", IrType.U8, new long[] {rows, 1}, b -> b.put(0, zeroPoints));
        Port scale = halves(name + "/scale", new long[] {rows, 1}, scales);
        Port centred = ops.subtract(ops.convert(codes, IrType.F16), ops.convert(zp, IrType.F16));
        return ops.convert(ops.multiply(centred, scale), IrType.F32);
    }

    /** i4 codes {@code [out, in/group, group]} and f16 scales {@code [out, in/group, 1]}. */
    private Port symmetric4(String name, MatrixSource source, int group) throws IOException {
        int rows = source.rows();
        int cols = source.cols();
        if (group <= 0 || cols % group != 0) {
            throw new IllegalArgumentException("int4 groups of " + group + " do not divide the " + cols + " inputs of " + name
                    + ": give a --block-size that divides every projection's input size");
        }
        int groups = cols / group;
        float[] scales = new float[rows * groups];
        Port codes = g.constant(name, IrType.I4, new long[] {rows, groups, group}, b -> stream(source, (band, first, count) ->
                IntStream.range(0, count).parallel().forEach(r -> {
                    byte[] q = new byte[cols];
                    for (int k = 0; k < groups; k++) {
                        scales[(first + r) * groups + k] = NncfQuantizer.symmetric4(band, r * cols + k * group, group, q, k * group);
                    }
                    byte[] packed = new byte[cols / 2];
                    for (int i = 0; i < packed.length; i++) {
                        packed[i] = (byte) ((q[2 * i] & 0x0F) | (q[2 * i + 1] << 4));
                    }
                    b.put((int) ((long) (first + r) * cols / 2), packed);
                })));
        Port scale = halves(name + "/scale", new long[] {rows, groups, 1}, scales);
        Port decompressed = ops.multiply(ops.convert(codes, IrType.F16), scale);
        return ops.convert(ops.reshape(decompressed, ops.i64(rows, cols), false), IrType.F32);
    }

    /** A 1-D float constant (a norm's gain), fp16 with a Convert when {@code half}. */
    Port vector(String name, float[] values, boolean half) throws IOException {
        long[] shape = {values.length};
        progress.accept(values.length);
        if (half) {
            return ops.convert(halves(name, shape, values), IrType.F32);
        }
        return g.constant(name, IrType.F32, shape, b -> {
            for (int i = 0; i < values.length; i++) {
                b.putFloat(4 * i, values[i]);
            }
        });
    }

    private Port halves(String name, long[] shape, float[] values) throws IOException {
        return g.constant(name, IrType.F16, shape, b -> {
            for (int i = 0; i < values.length; i++) {
                b.putShort(2 * i, Fp16Conversions.floatToFp16(values[i]));
            }
        });
    }

    @FunctionalInterface
    private interface Band {
        void accept(float[] band, int firstRow, int count);
    }

    /** Reads the source band by band, hands each to {@code band}, and reports the bytes of codes done. */
    private void stream(MatrixSource source, Band band) {
        int cols = source.cols();
        float[] values = new float[BAND_ROWS * cols];
        for (int first = 0; first < source.rows(); first += BAND_ROWS) {
            int count = Math.min(BAND_ROWS, source.rows() - first);
            source.readRows(first, count, values);
            band.accept(values, first, count);
            progress.accept((long) count * cols);
        }
    }
}
