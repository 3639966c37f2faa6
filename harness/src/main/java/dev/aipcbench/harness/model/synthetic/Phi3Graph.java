package dev.aipcbench.harness.model.synthetic;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.onnx.FloatVector;
import dev.aipcbench.harness.model.onnx.OnnxGraphBuilder;
import dev.aipcbench.harness.model.onnx.TensorContent;
import dev.aipcbench.harness.model.quantize.FloatMatrix;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Phi-3 decoder graph in the shape onnxruntime-genai's model builder gives its CPU models:
 * Gather embedding; per layer a (Skip)SimplifiedLayerNormalization, one packed QKV MatMul,
 * GroupQueryAttention with the rotary embedding fused (cos/sin caches as inputs), the output
 * projection, a SkipSimplifiedLayerNormalization, and the SiLU-gated MLP (packed gate_up MatMul,
 * Slice, Sigmoid, Mul, down MatMul); a final norm and the LM head. {@code seqlens_k} and
 * {@code total_sequence_length} are derived from {@code attention_mask} in the graph, as the builder
 * does, so the generation loop feeds only input_ids, attention_mask and the KV cache.
 *
 * <p>Weights are float here ({@code half} selects fp16 weights and I/O); int8/int4 models are this
 * graph passed through {@code MatMulNBitsRewriter}, exactly as {@code model quantize} would.
 */
public final class Phi3Graph {
    public static final String EMBEDDING = "model.embed_tokens.weight";
    public static final String LM_HEAD = "lm_head.MatMul.weight";

    private final ModelDimensions d;
    private final Phi3Weights weights;
    private final boolean half;
    private final OnnxGraphBuilder g = new OnnxGraphBuilder("main_graph");
    private final Map<String, TensorContent> pending = new LinkedHashMap<>();

    public Phi3Graph(ModelDimensions dims, Phi3Weights weights, boolean half) {
        this.d = dims;
        this.weights = weights;
        this.half = half;
    }

    /** The built model (inline constants only) and its pending initializers, in write order. */
    public record Built(ModelProto skeleton, Map<String, TensorContent> pending) {
    }

    public Built build() {
        TensorProto.DataType io = half ? TensorProto.DataType.FLOAT16 : TensorProto.DataType.FLOAT;
        g.input("input_ids", TensorProto.DataType.INT64, "batch_size", "sequence_length");
        g.input("attention_mask", TensorProto.DataType.INT64, "batch_size", "total_sequence_length");
        for (int i = 0; i < d.layers(); i++) {
            g.input("past_key_values." + i + ".key", io, "batch_size", d.kvHeads(), "past_sequence_length", d.headSize());
            g.input("past_key_values." + i + ".value", io, "batch_size", d.kvHeads(), "past_sequence_length", d.headSize());
        }
        g.output("logits", io, "batch_size", "sequence_length", d.vocab());
        for (int i = 0; i < d.layers(); i++) {
            g.output("present." + i + ".key", io, "batch_size", d.kvHeads(), "total_sequence_length", d.headSize());
            g.output("present." + i + ".value", io, "batch_size", d.kvHeads(), "total_sequence_length", d.headSize());
        }

        String[] mask = attentionMaskInputs();
        String cos = matrix("cos_cache", weights.rotaryCache(false));
        String sin = matrix("sin_cache", weights.rotaryCache(true));

        String hidden = g.node("Gather", "/model/embed_tokens/Gather")
                .inputs(matrix(EMBEDDING, weights.embedding(EMBEDDING)), "input_ids")
                .outputs("/model/embed_tokens/Gather/output_0").add();
        String residual = hidden;
        String sublayerOut = null;
        for (int i = 0; i < d.layers(); i++) {
            String p = "/model/layers." + i;
            String w = "model.layers." + i;
            String normed;
            if (i == 0) {
                normed = g.node("SimplifiedLayerNormalization", p + "/input_layernorm/LayerNorm")
                        .inputs(hidden, vector(w + ".input_layernorm.weight"))
                        .outputs(p + "/input_layernorm/output_0")
                        .attr("axis", -1L).attr("epsilon", (float) d.rmsNormEps()).attr("stash_type", 1L).add();
            } else {
                String[] out = skipNorm(p + "/input_layernorm/SkipLayerNorm", sublayerOut, residual, w + ".input_layernorm.weight");
                normed = out[0];
                residual = out[1];
            }
            String qkv = matmul(p + "/attn/qkv_proj/MatMul", normed, w + ".attn.qkv_proj.MatMul.weight", d.hidden(), d.qkvWidth());
            String attn = g.node("GroupQueryAttention", p + "/attn/GroupQueryAttention")
                    .domain(OnnxGraphBuilder.MS_DOMAIN)
                    .inputs(qkv, "", "", "past_key_values." + i + ".key", "past_key_values." + i + ".value",
                            mask[0], mask[1], cos, sin)
                    .outputs(p + "/attn/GroupQueryAttention/output_0", "present." + i + ".key", "present." + i + ".value")
                    .attr("num_heads", (long) d.heads()).attr("kv_num_heads", (long) d.kvHeads())
                    .attr("do_rotary", 1L).attr("rotary_interleaved", 0L)
                    .attr("local_window_size", -1L).attr("scale", (float) (1.0 / Math.sqrt(d.headSize())))
                    .add();
            String o = matmul(p + "/attn/o_proj/MatMul", attn, w + ".attn.o_proj.MatMul.weight", d.queryWidth(), d.hidden());
            String[] post = skipNorm(p + "/post_attention_layernorm/SkipLayerNorm", o, residual, w + ".post_attention_layernorm.weight");
            residual = post[1];
            sublayerOut = mlp(p + "/mlp", w + ".mlp", post[0]);
        }
        String[] fin = skipNorm("/model/layers." + d.layers() + "/final_norm_layernorm/SkipLayerNorm", sublayerOut, residual, "model.norm.weight");
        pending.put(LM_HEAD, new FloatMatrix(weights.lmHead(LM_HEAD, EMBEDDING), half));
        g.node("MatMul", "/lm_head/MatMul").inputs(fin[0], LM_HEAD).outputs("logits").add();
        return new Built(g.build("aipc-bench", "synthetic phi3"), pending);
    }

    /** ReduceSum(mask) - 1 as int32 seqlens_k, and mask's second dimension as int32 total_sequence_length. */
    private String[] attentionMaskInputs() {
        String p = "/model/attn_mask_reformat/attn_mask_subgraph";
        String one = g.int64Constant(p + "/one", new long[] {1}, true);
        String axes = g.int64Constant(p + "/axes", new long[] {1}, false);
        String sum = g.node("ReduceSum", p + "/ReduceSum").inputs("attention_mask", axes)
                .outputs(p + "/ReduceSum/output_0").attr("keepdims", 0L).add();
        String sub = g.node("Sub", p + "/Sub").inputs(sum, one).outputs(p + "/Sub/output_0").add();
        String seqlens = g.node("Cast", p + "/Sub/Cast").inputs(sub).outputs(p + "/Sub/Cast/output_0")
                .attr("to", (long) TensorProto.DataType.INT32.getNumber()).add();
        String shape = g.node("Shape", p + "/Shape").inputs("attention_mask").outputs(p + "/Shape/output_0").add();
        String gathered = g.node("Gather", p + "/Gather").inputs(shape, one).outputs(p + "/Gather/output_0")
                .attr("axis", 0L).add();
        String total = g.node("Cast", p + "/Gather/Cast").inputs(gathered).outputs(p + "/Gather/Cast/output_0")
                .attr("to", (long) TensorProto.DataType.INT32.getNumber()).add();
        return new String[] {seqlens, total};
    }

    private String mlp(String p, String w, String input) {
        int inter = d.intermediate();
        String gateUp = matmul(p + "/gate_up_proj/MatMul", input, w + ".gate_up_proj.MatMul.weight", d.hidden(), d.gateUpWidth());
        String last = g.int64Constant(p + "/axes", new long[] {-1}, false);
        String zero = g.int64Constant(p + "/gate_start", new long[] {0}, false);
        String mid = g.int64Constant(p + "/gate_end", new long[] {inter}, false);
        String end = g.int64Constant(p + "/up_end", new long[] {2L * inter}, false);
        String gate = g.node("Slice", p + "/gate/Slice").inputs(gateUp, zero, mid, last).outputs(p + "/gate/Slice/output_0").add();
        String up = g.node("Slice", p + "/up/Slice").inputs(gateUp, mid, end, last).outputs(p + "/up/Slice/output_0").add();
        String sig = g.node("Sigmoid", p + "/act_fn/Sigmoid").inputs(gate).outputs(p + "/act_fn/Sigmoid/output_0").add();
        String silu = g.node("Mul", p + "/act_fn/Mul").inputs(gate, sig).outputs(p + "/act_fn/Mul/output_0").add();
        String prod = g.node("Mul", p + "/Mul").inputs(silu, up).outputs(p + "/Mul/output_0").add();
        return matmul(p + "/down_proj/MatMul", prod, w + ".down_proj.MatMul.weight", inter, d.hidden());
    }

    /** SkipSimplifiedLayerNormalization: returns {normalised, input + skip}. */
    private String[] skipNorm(String name, String input, String skip, String gain) {
        String out = name + "/output_0";
        String sum = name + "/output_3";
        g.node("SkipSimplifiedLayerNormalization", name).domain(OnnxGraphBuilder.MS_DOMAIN)
                .inputs(input, skip, vector(gain)).outputs(out, "", "", sum)
                .attr("epsilon", (float) d.rmsNormEps()).add();
        return new String[] {out, sum};
    }

    private String matmul(String name, String input, String weight, int in, int out) {
        pending.put(weight, new FloatMatrix(weights.projection(weight, in, out), half));
        return g.node("MatMul", name).inputs(input, weight).outputs(name + "/output_0").add();
    }

    private String matrix(String name, dev.aipcbench.harness.model.quantize.MatrixSource source) {
        pending.put(name, new FloatMatrix(source, half));
        return name;
    }

    private String vector(String name) {
        pending.put(name, new FloatVector(weights.normGain(name, d.hidden()), half));
        return name;
    }
}
