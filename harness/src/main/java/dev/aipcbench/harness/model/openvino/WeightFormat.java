package dev.aipcbench.harness.model.openvino;

/**
 * How one weight matrix is stored in the IR, each with the decompression subgraph OpenVINO's CPU plugin
 * fuses into its compressed-weight MatMul (FullyConnected) and Gather kernels:
 * <ul>
 *   <li>{@code F32}: the Constant as it is;</li>
 *   <li>{@code F16}: {@code Constant(f16) -> Convert(f32)}, as optimum-cli's {@code --weight-format fp16};</li>
 *   <li>{@code INT8_ASYM}: NNCF's default 8-bit compression, per output channel: {@code u8} codes and zero
 *       points, {@code f16} scales, {@code Convert(f16) - Convert(zp) -> * scale -> Convert(f32)};</li>
 *   <li>{@code INT4_SYM}: NNCF's {@code --sym} 4-bit compression in groups along the input: {@code i4} codes
 *       {@code [out, in/group, group]}, {@code f16} scales {@code [out, in/group, 1]},
 *       {@code Convert(f16) * scale -> Reshape([out, in]) -> Convert(f32)}.</li>
 * </ul>
 */
public enum WeightFormat {
    F32, F16, INT8_ASYM, INT4_SYM;

    /** Bytes of codes (or values) for a {@code [rows, cols]} matrix, scales and zero points aside. */
    public long bytes(long rows, long cols) {
        switch (this) {
            case F32: return rows * cols * 4;
            case F16: return rows * cols * 2;
            case INT8_ASYM: return rows * cols;
            default: return rows * cols / 2;
        }
    }
}
