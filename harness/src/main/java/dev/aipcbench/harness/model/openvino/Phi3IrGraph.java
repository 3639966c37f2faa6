package dev.aipcbench.harness.model.openvino;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.openvino.IrGraph.Port;
import dev.aipcbench.harness.model.quantize.MatrixSource;
import dev.aipcbench.harness.model.synthetic.Phi3Graph;
import dev.aipcbench.harness.model.synthetic.Phi3Weights;

import java.io.IOException;
import java.util.function.LongConsumer;

/**
 * The Phi-3 decoder as a stateful OpenVINO model, in the form optimum-intel exports decoder LLMs and
 * OpenVINO GenAI's LLMPipeline runs them:
 * <ul>
 *   <li>inputs {@code input_ids}, {@code attention_mask}, {@code position_ids} (i64 {@code [batch, seq]}) and
 *       {@code beam_idx} (i32 {@code [batch]}); output {@code logits} (f32 {@code [batch, seq, vocab]});</li>
 *   <li>the KV cache as state: per layer a ReadValue per key and value, variables
 *       {@code past_key_values.<i>.keypresent.<i>.key} / {@code ...valuepresent.<i>.value} (input and output
 *       names joined, as OpenVINO's MakeStateful names them), shape {@code [batch, kv_heads, ?, head_size]},
 *       initialised by a Broadcast of zero to {@code [batch, kv_heads, 0, head_size]}; a Gather by
 *       {@code beam_idx}, a Concat along the sequence, and an Assign: the pattern the CPU plugin fuses into its
 *       stateful attention and GenAI turns into paged attention;</li>
 *   <li>attention as opset13 ScaledDotProductAttention with an additive causal-and-padding mask built from
 *       {@code attention_mask}; rotary embedding (rotate-half) from the model's cos/sin tables gathered by
 *       {@code position_ids}; RMS norms as Power/ReduceMean/Add/Sqrt/Divide/Multiply; the packed QKV and
 *       gate_up projections split by VariadicSplit; SiLU as Swish.</li>
 * </ul>
 * The weights are {@link Phi3Weights}' (the same seeds as {@link Phi3Graph}'s initializers), every MatMul
 * weight stored {@code [out, in]} and read with {@code transpose_b}. At int4, the embedding and the LM head
 * are kept in 8 bits, as NNCF keeps the first and last layers unless told {@code --all-layers}.
 */
final class Phi3IrGraph {
    private final ModelDimensions d;
    private final Phi3Weights w;
    private final Precision precision;
    private final int groupSize;
    private final IrOps ops;
    private final CompressedWeights weights;

    Phi3IrGraph(ModelDimensions dims, Phi3Weights weights, Precision precision, int groupSize, IrOps ops, LongConsumer progress) {
        this.d = dims;
        this.w = weights;
        this.precision = precision;
        this.groupSize = groupSize;
        this.ops = ops;
        this.weights = new CompressedWeights(ops, progress);
    }

    /** Bytes the weights take in the {@code .bin} (scales and zero points aside), for progress. */
    static long bytes(ModelDimensions d, Precision precision) {
        WeightFormat projection = projectionFormat(precision);
        WeightFormat small = smallFormat(precision);
        long perLayer = projection.bytes(d.qkvWidth(), d.hidden()) + projection.bytes(d.hidden(), d.queryWidth())
                + projection.bytes(d.gateUpWidth(), d.hidden()) + projection.bytes(d.hidden(), d.intermediate())
                + small.bytes(2, d.hidden());
        return 2 * edgeFormat(precision).bytes(d.vocab(), d.hidden()) + perLayer * d.layers() + small.bytes(1, d.hidden())
                + small.bytes(2L * d.context(), d.headSize());
    }

    void build() throws IOException {
        IrGraph g = ops.graph();
        Port ids = g.parameter("input_ids", IrType.I64, "?,?");
        Port mask = g.parameter("attention_mask", IrType.I64, "?,?");
        Port positions = g.parameter("position_ids", IrType.I64, "?,?");
        Port beam = g.parameter("beam_idx", IrType.I32, "?");

        Port embedding = weights.write(Phi3Graph.EMBEDDING, w.embedding(Phi3Graph.EMBEDDING), edgeFormat(precision), groupSize);
        Port hidden = ops.gather(embedding, ids, 0);

        Port cos = ops.unsqueeze(ops.gather(rotaryTable("model.rotary_emb.cos_cached", false), positions, 0), 1);
        Port sin = ops.unsqueeze(ops.gather(rotaryTable("model.rotary_emb.sin_cached", true), positions, 0), 1);
        Port bias = attentionBias(ids, mask);
        Port batch = ops.gather(ops.shapeOf(ids), ops.i64(0), 0);

        Port residual = hidden;
        for (int i = 0; i < d.layers(); i++) {
            String p = "model.layers." + i;
            Port x = rmsNorm(residual, p + ".input_layernorm.weight");
            Port attention = attention(i, p, x, cos, sin, bias, beam, batch);
            residual = ops.add(residual, attention);
            Port y = rmsNorm(residual, p + ".post_attention_layernorm.weight");
            residual = ops.add(residual, mlp(p, y));
        }
        Port normed = rmsNorm(residual, "model.norm.weight");
        Port lmHead = weights.write(Phi3Graph.LM_HEAD, w.lmHeadByOutput(Phi3Graph.LM_HEAD, Phi3Graph.EMBEDDING), edgeFormat(precision), groupSize);
        g.result(ops.matmul(normed, lmHead, true), "logits");
    }

    /** Projections' format. */
    static WeightFormat projectionFormat(Precision precision) {
        switch (precision) {
            case FP32: return WeightFormat.F32;
            case FP16: return WeightFormat.F16;
            case INT8: return WeightFormat.INT8_ASYM;
            default: return WeightFormat.INT4_SYM;
        }
    }

    /** The embedding's and the LM head's: 8-bit at int4 (NNCF's backup precision for the first and last layers). */
    private static WeightFormat edgeFormat(Precision precision) {
        return precision == Precision.INT4 ? WeightFormat.INT8_ASYM : projectionFormat(precision);
    }

    /** Norm gains and rotary tables: fp16 in an fp16 model (as optimum compresses every float constant), else fp32. */
    private static WeightFormat smallFormat(Precision precision) {
        return precision == Precision.FP16 ? WeightFormat.F16 : WeightFormat.F32;
    }

    private Port smallFloats(String name, MatrixSource source) throws IOException {
        return weights.write(name, source, smallFormat(precision), groupSize);
    }

    private Port attention(int layer, String p, Port x, Port cos, Port sin, Port bias, Port beam, Port batch) throws IOException {
        int heads = d.heads();
        int kvHeads = d.kvHeads();
        int hs = d.headSize();
        Port qkvWeight = weights.write(p + ".attn.qkv_proj.MatMul.weight",
                w.projectionByOutput(p + ".attn.qkv_proj.MatMul.weight", d.hidden(), d.qkvWidth()), projectionFormat(precision), groupSize);
        Port[] qkv = ops.variadicSplit(ops.matmul(x, qkvWeight, true), -1, d.queryWidth(), d.kvWidth(), d.kvWidth());
        Port q = rotate(heads(qkv[0], heads), cos, sin);
        Port k = rotate(heads(qkv[1], kvHeads), cos, sin);
        Port v = heads(qkv[2], kvHeads);
        Port keys = cached(k, "past_key_values." + layer + ".key", "present." + layer + ".key", beam, batch);
        Port values = cached(v, "past_key_values." + layer + ".value", "present." + layer + ".value", beam, batch);
        if (heads != kvHeads) {
            keys = repeatKv(keys, heads / kvHeads);
            values = repeatKv(values, heads / kvHeads);
        }
        Port scale = ops.f32Scalar((float) (1.0 / Math.sqrt(hs)));
        Port out = ops.scaledDotProductAttention(q, keys, values, bias, scale);
        Port merged = ops.reshape(ops.transpose(out, 0, 2, 1, 3), ops.i64(0, 0, (long) heads * hs), true);
        Port oWeight = weights.write(p + ".attn.o_proj.MatMul.weight",
                w.projectionByOutput(p + ".attn.o_proj.MatMul.weight", d.queryWidth(), d.hidden()), projectionFormat(precision), groupSize);
        return ops.matmul(merged, oWeight, true);
    }

    /** {@code [batch, seq, count * head]} to {@code [batch, count, seq, head]}. */
    private Port heads(Port x, int count) {
        return ops.transpose(ops.reshape(x, ops.i64(0, 0, count, d.headSize()), true), 0, 2, 1, 3);
    }

    /**
     * The past of one cache tensor (state {@code pastName + presentName}) reordered by {@code beam_idx},
     * with {@code current} appended along the sequence; the result is stored back and returned.
     */
    private Port cached(Port current, String pastName, String presentName, Port beam, Port batch) {
        String variable = pastName + presentName;
        Port initShape = ops.concat(0, batch, ops.i64(d.kvHeads()), ops.i64(0), ops.i64(d.headSize()));
        Port zeros = ops.broadcast(ops.f32Scalar(0f), initShape);
        Port past = ops.gather(ops.readValue(zeros, variable, "?," + d.kvHeads() + ",?," + d.headSize()), beam, 0);
        Port present = ops.concat(2, past, current);
        ops.graph().names(present, presentName);
        ops.assign(present, variable);
        return present;
    }

    /** Grouped-query attention: each KV head serves {@code group} query heads (Unsqueeze, Broadcast, Reshape). */
    private Port repeatKv(Port x, int group) {
        Port shape = ops.shapeOf(x);
        Port target = ops.concat(0, ops.slice(shape, 0, 2, 0), ops.i64(group), ops.slice(shape, 2, 4, 0));
        Port expanded = ops.broadcast(ops.unsqueeze(x, 2), target);
        return ops.reshape(expanded, ops.i64(0, d.heads(), -1, d.headSize()), true);
    }

    /** Rotate-half rotary embedding: {@code x * cos + concat(-x2, x1) * sin}. */
    private Port rotate(Port x, Port cos, Port sin) {
        int half = d.headSize() / 2;
        Port x1 = ops.slice(x, 0, half, 3);
        Port x2 = ops.slice(x, half, d.headSize(), 3);
        Port rotated = ops.concat(-1, ops.multiply(x2, ops.f32Scalar(-1f)), x1);
        return ops.add(ops.multiply(x, cos), ops.multiply(rotated, sin));
    }

    /**
     * {@code [context, head_size]}: the model's cos (or sin) cache, each half-width row repeated twice, as
     * rotate-half multiplies both halves of a head by the same angle.
     */
    private Port rotaryTable(String name, boolean sine) throws IOException {
        MatrixSource half = w.rotaryCache(sine);
        MatrixSource full = new MatrixSource() {
            @Override
            public int rows() {
                return half.rows();
            }

            @Override
            public int cols() {
                return 2 * half.cols();
            }

            @Override
            public void readRows(int firstRow, int count, float[] dst) {
                int h = half.cols();
                float[] rows = new float[count * h];
                half.readRows(firstRow, count, rows);
                for (int r = 0; r < count; r++) {
                    System.arraycopy(rows, r * h, dst, r * 2 * h, h);
                    System.arraycopy(rows, r * h, dst, r * 2 * h + h, h);
                }
            }
        };
        return smallFloats(name, full);
    }

    /**
     * Additive attention mask {@code [batch, 1, seq, total]}: 0 where query {@code i} (at position
     * {@code total - seq + i}) may see key {@code j} (causal, and {@code attention_mask[j] == 1}), the lowest
     * float elsewhere.
     */
    private Port attentionBias(Port ids, Port mask) {
        Port total = ops.dim(mask, 1);
        Port seq = ops.dim(ids, 1);
        Port keyPositions = ops.range(ops.i64Scalar(0), total);
        Port queryPositions = ops.unsqueeze(ops.range(ops.subtract(total, seq), total), 1);
        Port causal = ops.lessEqual(keyPositions, queryPositions);
        Port padding = ops.unsqueeze(ops.convert(mask, IrType.BOOLEAN), 1, 2);
        Port allowed = ops.logicalAnd(causal, padding);
        return ops.select(allowed, ops.f32Scalar(0f), ops.f32Scalar(-Float.MAX_VALUE));
    }

    /** {@code gain * x / sqrt(mean(x^2) + eps)}. */
    private Port rmsNorm(Port x, String gainName) throws IOException {
        Port g = weights.vector(gainName, w.normGain(gainName, d.hidden()), smallFormat(precision) == WeightFormat.F16);
        Port variance = ops.reduceMean(ops.power(x, ops.f32Scalar(2f)), -1);
        Port inverse = ops.divide(ops.f32Scalar(1f), ops.sqrt(ops.add(variance, ops.f32Scalar((float) d.rmsNormEps()))));
        return ops.multiply(g, ops.multiply(x, inverse));
    }

    private Port mlp(String p, Port x) throws IOException {
        int inter = d.intermediate();
        Port gateUpWeight = weights.write(p + ".mlp.gate_up_proj.MatMul.weight",
                w.projectionByOutput(p + ".mlp.gate_up_proj.MatMul.weight", d.hidden(), d.gateUpWidth()), projectionFormat(precision), groupSize);
        Port[] gateUp = ops.variadicSplit(ops.matmul(x, gateUpWeight, true), -1, inter, inter);
        Port activated = ops.multiply(gateUp[1], ops.swish(gateUp[0]));
        Port downWeight = weights.write(p + ".mlp.down_proj.MatMul.weight",
                w.projectionByOutput(p + ".mlp.down_proj.MatMul.weight", inter, d.hidden()), projectionFormat(precision), groupSize);
        return ops.matmul(activated, downWeight, true);
    }
}
