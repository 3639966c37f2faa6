package dev.aipcbench.harness.model.quantize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BlockQuantizerTest {

    @Test
    void int4PacksTheFirstElementInTheLowNibbleAndMapsTheSignedExtremeToCodeZero() {
        BlockQuantizer q = new BlockQuantizer(4);
        float[] w = new float[32];
        w[0] = -8f;   // the largest magnitude, negative: scale = -8 / -8 = 1, code 0
        w[1] = 7f;    // code 15
        w[2] = 0f;    // code 8 (the zero point)
        w[3] = 2.4f;  // rounds to 2 -> code 10
        byte[] packed = new byte[16];
        float scale = q.quantizeBlock(w, 0, 1, 32, 32, packed, 0);
        assertEquals(1f, scale);
        assertEquals(0xF0, packed[0] & 0xFF, "w[0] in the low nibble, w[1] in the high nibble");
        assertEquals(0xA8, packed[1] & 0xFF);
        assertEquals(0, q.codeAt(packed, 0, 0));
        assertEquals(15, q.codeAt(packed, 0, 1));
        assertEquals(-8f, q.dequantize(q.codeAt(packed, 0, 0), scale));
        assertEquals(2f, q.dequantize(q.codeAt(packed, 0, 3), scale));
    }

    @Test
    void positiveExtremeGivesANegativeScaleAndClampsTheOppositeEnd() {
        BlockQuantizer q = new BlockQuantizer(4);
        float[] w = {8f, -8f, 4f};
        byte[] packed = new byte[16];
        float scale = q.quantizeBlock(w, 0, 1, 3, 32, packed, 0);
        assertEquals(-1f, scale);
        assertEquals(8f, q.dequantize(q.codeAt(packed, 0, 0), scale));
        // -8 / -1 = 8 -> code 16, clamped to 15 -> dequantises to -7: the one value RTN cannot hit.
        assertEquals(-7f, q.dequantize(q.codeAt(packed, 0, 1), scale));
        assertEquals(4f, q.dequantize(q.codeAt(packed, 0, 2), scale));
        assertEquals(8, q.codeAt(packed, 0, 3), "padding beyond the matrix holds the zero point");
    }

    @Test
    void int8ErrorStaysWithinHalfAStepExceptAtTheClampedEndAndStridedInputIsRead() {
        BlockQuantizer q = new BlockQuantizer(8);
        float[] w = new float[64];
        for (int i = 0; i < 64; i++) {
            w[i] = (float) Math.sin(i * 0.37);
        }
        byte[] packed = new byte[32];
        // every second value: a column of a two-column matrix
        float scale = q.quantizeBlock(w, 1, 2, 32, 32, packed, 0);
        for (int i = 0; i < 32; i++) {
            float v = w[1 + 2 * i];
            float back = q.dequantize(q.codeAt(packed, 0, i), scale);
            // Values beyond +127 steps (only possible opposite the extreme's sign) clamp to code 255.
            boolean clamped = v / scale > 127;
            assertEquals(v, back, (clamped ? 1.0 : 0.5) * Math.abs(scale) + 1e-6, "element " + i);
        }
    }

    @Test
    void allZeroBlocksQuantiseToTheZeroPoint() {
        BlockQuantizer q = new BlockQuantizer(4);
        byte[] packed = new byte[16];
        float scale = q.quantizeBlock(new float[32], 0, 1, 32, 32, packed, 0);
        assertEquals(0f, Math.abs(scale));
        assertEquals(0x88, packed[5] & 0xFF);
    }

    @Test
    void rejectsOtherBitWidthsAndBlockSizes() {
        assertThrows(IllegalArgumentException.class, () -> new BlockQuantizer(3));
        assertThrows(IllegalArgumentException.class, () -> new MatMulNBitsWeights(4, 24));
    }
}
