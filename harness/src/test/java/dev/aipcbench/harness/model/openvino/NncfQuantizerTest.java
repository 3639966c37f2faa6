package dev.aipcbench.harness.model.openvino;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NNCF's integer weight compression, worked by hand on small rows and checked for its error bound on random ones. */
class NncfQuantizerTest {
    @Test
    void asymmetric8MapsTheRowsRangeOntoAllCodesWithAZeroPoint() {
        float[] w = {-1f, 0f, 0.5f, 1.55f};
        byte[] q = new byte[4];
        float[] sz = NncfQuantizer.asymmetric8(w, 0, 4, q, 0);
        assertEquals(0.01f, sz[0], 1e-8, "(max - min) / 255");
        assertEquals(100f, sz[1], "zero point -round(min / scale)");
        assertArrayEquals(new int[] {0, 100, 150, 255}, unsigned(q), "round(w / scale + zp)");
    }

    @Test
    void symmetric4MapsTheLargerExtremeToMinus8() {
        float[] w = {0.7f, -0.35f, 0.1f, -0.05f};
        byte[] q = new byte[4];
        float scale = NncfQuantizer.symmetric4(w, 0, 4, q, 0);
        assertEquals(-0.7f / 8f, scale, 1e-9, "the maximum is the larger extreme: its sign is flipped");
        assertArrayEquals(new byte[] {-8, 4, -1, 1}, q);
        float[] v = {-0.7f, 0.35f};
        assertEquals(0.7f / 8f, NncfQuantizer.symmetric4(v, 0, 2, q, 0), 1e-9, "the minimum is: scale |min| / 8");
        assertEquals(-8, q[0]);
    }

    @Test
    void dequantisedWeightsAreWithinHalfAStepOfTheOriginals() {
        Random random = new Random(7);
        float[] w = new float[128];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * 0.02);
        }
        byte[] q = new byte[w.length];
        float[] sz = NncfQuantizer.asymmetric8(w, 0, w.length, q, 0);
        for (int i = 0; i < w.length; i++) {
            float back = ((q[i] & 0xFF) - sz[1]) * sz[0];
            assertTrue(Math.abs(back - w[i]) <= sz[0] * 0.5001f, "int8 value " + i);
        }
        float scale = NncfQuantizer.symmetric4(w, 0, w.length, q, 0);
        for (int i = 0; i < w.length; i++) {
            assertTrue(q[i] >= -8 && q[i] <= 7);
            // The side opposite the extreme that maps to -8 can reach +8, which is clipped to 7: a whole step.
            float bound = q[i] == 7 ? 1.0001f : 0.5001f;
            assertTrue(Math.abs(q[i] * scale - w[i]) <= Math.abs(scale) * bound, "int4 value " + i);
        }
    }

    private static int[] unsigned(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }
}
