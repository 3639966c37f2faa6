package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.aipcbench.harness.model.gguf.GgmlType;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The GGUF writer's encodings are ggml's own: F16, Q8_0 and Q4_0 rows the suite writes are byte for
 * byte what ggml's quantiser ({@code ggml_quantize_chunk} of the built-in build) makes of the same
 * floats, also through a transposed (strided) read as the writer does for weights.
 */
class GgufEncodingTest {
    /** ggml's quantiser, exported by every libllama build that links ggml in. */
    interface Ggml extends Library {
        void ggml_quantize_init(int type);

        long ggml_quantize_chunk(int type, float[] src, byte[] dst, long start, long rows, long perRow, Pointer importance);
    }

    private static final int ROWS = 8;
    private static final int PER_ROW = 256;
    private static Ggml ggml;

    @BeforeAll
    static void bind() {
        ggml = Native.load(RealLlamaBuilds.builtIn().toString(), Ggml.class, NativeLibraryLookup.OPTIONS);
    }

    /** Weights as the model has them (std 0.02), plus exact zeros, a zero block and ties on rounding boundaries. */
    private static float[] values() {
        SplittableRandom r = new SplittableRandom(7);
        float[] v = new float[ROWS * PER_ROW];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.02 * r.nextGaussian());
        }
        for (int i = 0; i < 32; i++) {
            v[PER_ROW + i] = 0f;
            v[2 * PER_ROW + i] = (i % 5 - 2) * 0.5f;
        }
        v[3 * PER_ROW] = 1e-9f;
        return v;
    }

    private static byte[] suite(GgmlType type, float[] values) {
        int rowBytes = (int) type.rowBytes(PER_ROW);
        ByteBuffer out = ByteBuffer.allocate(ROWS * rowBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < ROWS; r++) {
            type.encode(values, r * PER_ROW, 1, PER_ROW, out, r * rowBytes);
        }
        return out.array();
    }

    private static byte[] ggml(GgmlType type, float[] values) {
        ggml.ggml_quantize_init(type.id());
        byte[] out = new byte[(int) (ROWS * type.rowBytes(PER_ROW))];
        long written = ggml.ggml_quantize_chunk(type.id(), values, out, 0, ROWS, PER_ROW, null);
        assertEquals(out.length, written);
        return out;
    }

    @Test
    void f16Q8_0AndQ4_0RowsAreGgmlsBytes() {
        float[] values = values();
        for (GgmlType type : new GgmlType[] {GgmlType.F16, GgmlType.Q8_0, GgmlType.Q4_0}) {
            assertArrayEquals(ggml(type, values), suite(type, values), type.toString());
        }
    }

    @Test
    void aStridedReadEncodesTheSameRows() {
        float[] values = values();
        // the same rows stored column-major, as a weight's band of source rows holds them
        float[] transposed = new float[values.length];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < PER_ROW; c++) {
                transposed[c * ROWS + r] = values[r * PER_ROW + c];
            }
        }
        for (GgmlType type : new GgmlType[] {GgmlType.Q8_0, GgmlType.Q4_0}) {
            int rowBytes = (int) type.rowBytes(PER_ROW);
            ByteBuffer out = ByteBuffer.allocate(ROWS * rowBytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < ROWS; r++) {
                type.encode(transposed, r, ROWS, PER_ROW, out, r * rowBytes);
            }
            assertArrayEquals(ggml(type, values), out.array(), type.toString());
        }
    }
}
