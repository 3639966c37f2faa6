package dev.aipcbench.harness.model.openvino;

/**
 * Integer weight quantisation exactly as NNCF's data-free weight compression computes it
 * (nncf/quantization/algorithms/weight_compression/weight_lowering.py), so the suite's IR carries the codes
 * {@code optimum-cli export openvino --weight-format int8|int4 --sym} would give the same weights:
 * <ul>
 *   <li>asymmetric 8-bit over one output channel: {@code scale = (max - min) / 255},
 *       {@code zp = clip(-round(min / scale), 0, 255)}, {@code q = clip(round(w / scale + zp), 0, 255)};</li>
 *   <li>symmetric 4-bit over one group: the extreme of larger magnitude, with its sign flipped when it is
 *       the maximum, over 8 ({@code scale = |min| >= max ? |min| / 8 : -max / 8}), so that extreme maps to
 *       -8; {@code q = clip(round(w / scale), -8, 7)}.</li>
 * </ul>
 * Rounding is half to even (numpy's), scales below float epsilon become epsilon, and the scale is computed
 * and applied in fp32 and stored as fp16 afterwards, as NNCF does.
 */
final class NncfQuantizer {
    private static final float EPS = Math.ulp(1f);

    private NncfQuantizer() {
    }

    /**
     * Quantises {@code count} values {@code w[offset..]} to u8 codes at {@code codes[codeOffset..]}.
     *
     * @return {@code {scale, zeroPoint}}
     */
    static float[] asymmetric8(float[] w, int offset, int count, byte[] codes, int codeOffset) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            float v = w[offset + i];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float scale = (max - min) / 255f;
        if (Math.abs(scale) < EPS) {
            scale = EPS;
        }
        int zp = (int) clip(-(float) Math.rint(min / scale), 0, 255);
        for (int i = 0; i < count; i++) {
            codes[codeOffset + i] = (byte) (int) clip((float) Math.rint(w[offset + i] / scale + zp), 0, 255);
        }
        return new float[] {scale, zp};
    }

    /**
     * Quantises {@code count} values {@code w[offset..]} to signed 4-bit codes (-8..7) at
     * {@code codes[codeOffset..]} and returns the scale.
     */
    static float symmetric4(float[] w, int offset, int count, byte[] codes, int codeOffset) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            float v = w[offset + i];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float absMin = Math.abs(min);
        float scale = (absMin >= max ? absMin : -max) / 8f;
        if (Math.abs(scale) < EPS) {
            scale = EPS;
        }
        for (int i = 0; i < count; i++) {
            codes[codeOffset + i] = (byte) (int) clip((float) Math.rint(w[offset + i] / scale), -8, 7);
        }
        return scale;
    }

    private static float clip(float v, float lo, float hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
