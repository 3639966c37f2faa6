package dev.aipcbench.harness.model.openvino;

import dev.aipcbench.harness.model.openvino.IrGraph.Port;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The OpenVINO ops the suite's IR is made of, as typed calls on an {@link IrGraph}: each names its opset
 * version and attributes as {@code ov::save_model} writes them, and the element type of its outputs, so
 * the graph code reads like the model it describes. Small constants (axes, shapes, scalars) are written
 * to the {@code .bin} on the spot.
 */
public final class IrOps {
    private final IrGraph g;

    public IrOps(IrGraph graph) {
        this.g = graph;
    }

    public IrGraph graph() {
        return g;
    }

    // ---- constants

    public Port i64(long... values) {
        return constant(IrType.I64, new long[] {values.length}, values);
    }

    public Port i64Scalar(long value) {
        return constant(IrType.I64, new long[0], new long[] {value});
    }

    public Port f32Scalar(float value) {
        try {
            return g.constant("Constant", IrType.F32, new long[0], b -> b.putFloat(0, value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Port constant(IrType type, long[] shape, long[] values) {
        try {
            return g.constant("Constant", type, shape, b -> {
                for (int i = 0; i < values.length; i++) {
                    b.putLong(8 * i, values[i]);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- element-wise and conversions

    public Port convert(Port x, IrType to) {
        return g.op("Convert", "opset1").attr("destination_type", to.id()).in(x).out(to).one();
    }

    public Port add(Port a, Port b) {
        return binary("Add", a, b);
    }

    public Port subtract(Port a, Port b) {
        return binary("Subtract", a, b);
    }

    public Port multiply(Port a, Port b) {
        return binary("Multiply", a, b);
    }

    public Port divide(Port a, Port b) {
        return g.op("Divide", "opset1").attr("auto_broadcast", "numpy").attr("m_pythondiv", "true").in(a, b).out(a.type()).one();
    }

    public Port power(Port a, Port b) {
        return binary("Power", a, b);
    }

    private Port binary(String type, Port a, Port b) {
        return g.op(type, "opset1").attr("auto_broadcast", "numpy").in(a, b).out(a.type()).one();
    }

    public Port sqrt(Port x) {
        return g.op("Sqrt", "opset1").in(x).out(x.type()).one();
    }

    /** SiLU: {@code x * sigmoid(x)}. */
    public Port swish(Port x) {
        return g.op("Swish", "opset4").in(x).out(x.type()).one();
    }

    public Port lessEqual(Port a, Port b) {
        return g.op("LessEqual", "opset1").attr("auto_broadcast", "numpy").in(a, b).out(IrType.BOOLEAN).one();
    }

    public Port logicalAnd(Port a, Port b) {
        return g.op("LogicalAnd", "opset1").attr("auto_broadcast", "numpy").in(a, b).out(IrType.BOOLEAN).one();
    }

    public Port select(Port condition, Port whenTrue, Port whenFalse) {
        return g.op("Select", "opset1").attr("auto_broadcast", "numpy").in(condition, whenTrue, whenFalse).out(whenTrue.type()).one();
    }

    // ---- shapes

    public Port shapeOf(Port x) {
        return g.op("ShapeOf", "opset3").attr("output_type", "i64").in(x).out(IrType.I64).one();
    }

    /** Dimension {@code axis} of {@code x} as an i64 scalar. */
    public Port dim(Port x, long axis) {
        return gather(shapeOf(x), i64Scalar(axis), 0);
    }

    public Port reshape(Port x, Port shape, boolean specialZero) {
        return g.op("Reshape", "opset1").attr("special_zero", specialZero).in(x, shape).out(x.type()).one();
    }

    public Port transpose(Port x, long... order) {
        return g.op("Transpose", "opset1").in(x, i64(order)).out(x.type()).one();
    }

    public Port unsqueeze(Port x, long... axes) {
        return g.op("Unsqueeze", "opset1").in(x, i64(axes)).out(x.type()).one();
    }

    public Port concat(long axis, Port... parts) {
        return g.op("Concat", "opset1").attr("axis", axis).in(parts).out(parts[0].type()).one();
    }

    public Port[] variadicSplit(Port x, long axis, long... lengths) {
        IrType[] types = new IrType[lengths.length];
        java.util.Arrays.fill(types, x.type());
        return g.op("VariadicSplit", "opset1").in(x, i64Scalar(axis), i64(lengths)).out(types).build();
    }

    /** {@code x[start:stop]} along {@code axis} (opset8 Slice, step 1). */
    public Port slice(Port x, long start, long stop, long axis) {
        return g.op("Slice", "opset8").in(x, i64(start), i64(stop), i64(1), i64(axis)).out(x.type()).one();
    }

    public Port gather(Port data, Port indices, long axis) {
        return g.op("Gather", "opset8").attr("batch_dims", 0).in(data, indices, i64Scalar(axis)).out(data.type()).one();
    }

    /** {@code start, start+1, .., stop-1} (i64 scalars in, i64 out). */
    public Port range(Port start, Port stop) {
        return g.op("Range", "opset4").attr("output_type", "i64").in(start, stop, i64Scalar(1)).out(IrType.I64).one();
    }

    public Port broadcast(Port x, Port shape) {
        return g.op("Broadcast", "opset3").attr("mode", "numpy").in(x, shape).out(x.type()).one();
    }

    public Port reduceMean(Port x, long... axes) {
        return g.op("ReduceMean", "opset1").attr("keep_dims", true).in(x, i64(axes)).out(x.type()).one();
    }

    /** ReduceSum over {@code axes} to a scalar-shaped result (keep_dims false). */
    public Port reduceSum(Port x, long... axes) {
        return g.op("ReduceSum", "opset1").attr("keep_dims", false).in(x, i64(axes)).out(x.type()).one();
    }

    // ---- compute

    public Port matmul(Port a, Port b, boolean transposeB) {
        return g.op("MatMul", "opset1").attr("transpose_a", false).attr("transpose_b", transposeB).in(a, b).out(a.type()).one();
    }

    /** opset13 ScaledDotProductAttention with an additive mask and an explicit scale. */
    public Port scaledDotProductAttention(Port q, Port k, Port v, Port mask, Port scale) {
        return g.op("ScaledDotProductAttention", "opset13").attr("causal", false).in(q, k, v, mask, scale).out(q.type()).one();
    }

    // ---- state

    /** opset6 ReadValue of {@code variable} ({@code shape} as {@code ?,8,?,32}), initialised by {@code init}. */
    public Port readValue(Port init, String variable, String shape) {
        return g.op("ReadValue", "opset6").attr("variable_id", variable).attr("variable_type", init.type().id())
                .attr("variable_shape", shape).in(init).out(init.type()).one();
    }

    /** opset6 Assign of {@code value} to {@code variable}. */
    public void assign(Port value, String variable) {
        g.sink(g.op("Assign", "opset6").attr("variable_id", variable).in(value).out(value.type()));
    }
}
