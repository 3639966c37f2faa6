package dev.aipcbench.harness.model.gguf;

import dev.aipcbench.harness.model.synthetic.Phi3Graph;
import dev.aipcbench.harness.model.synthetic.Phi3Weights;
import dev.aipcbench.harness.model.synthetic.SyntheticFormatWriter;
import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.tokenizer.SpecialTokens;
import dev.aipcbench.harness.tokenizer.SyntheticTokenizerWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The GGUF file ({@code model.gguf}, GGUF v3, architecture {@code phi3}) of the same seeded weights as the
 * onnx-genai folder, in the tensors llama.cpp's phi3 graph reads: {@code attn_qkv} holds Q, K, V in that
 * order and {@code ffn_up} holds gate then up (llama.cpp's SwiGLU takes SiLU of the first half), as
 * {@link Phi3Graph}'s packed weights do; rotary is NEOX (rotate-half), the ONNX graph's non-interleaved
 * rotary. Weights are F32, F16, Q8_0 or Q4_0 by precision, the LM head ({@code output}) too; norm gains
 * stay F32 and the embedding stays float (F16 at fp16, else F32), as the ONNX models keep their Gather.
 *
 * <p>{@code phi3.attention.sliding_window} is the whole context: the ONNX graph attends to every position,
 * and llama.cpp builds of 2024/early 2025 refuse a phi3 file without the key unless its shape is a released
 * Phi-3's (newer builds ignore it). The tokenizer is the suite's own, as GGUF tokenizer metadata.
 */
public final class GgufPhi3Writer implements SyntheticFormatWriter {
    static final String MODEL_FILE = "model.gguf";

    @Override
    public void write(SyntheticSpec spec, Path out, Progress progress) throws IOException {
        ModelDimensions d = spec.dims();
        GgmlType weights = weightType(spec);
        if (d.queryWidth() != d.hidden()) {
            throw new IllegalArgumentException("gguf phi3 needs --heads x --head-size (" + d.queryWidth() + ") = --hidden ("
                    + d.hidden() + "): llama.cpp's phi3 projects attention back to the hidden size");
        }
        if (weights.blockSize() > 1 && (d.hidden() % 32 != 0 || d.intermediate() % 32 != 0)) {
            throw new IllegalArgumentException("gguf " + weights + " needs --hidden and --intermediate multiples of 32 (its block),"
                    + " got " + d.hidden() + " and " + d.intermediate());
        }
        GgufMetadata metadata = metadata(spec, weights);
        Path tokenizerJson = Files.createTempFile(out, "tokenizer", ".json");
        try {
            SpecialTokens special = SyntheticTokenizerWriter.write(tokenizerJson, d.vocab());
            GgufTokenizer.fromTokenizerJson(tokenizerJson).putInto(metadata, special);
        } finally {
            Files.deleteIfExists(tokenizerJson);
        }
        GgufWriter.write(out.resolve(MODEL_FILE), metadata, tensors(d, new Phi3Weights(d, spec.seed()), spec.precision(), weights), progress);
    }

    private static GgmlType weightType(SyntheticSpec spec) {
        switch (spec.precision()) {
            case FP32: return GgmlType.F32;
            case FP16: return GgmlType.F16;
            default:
                if (spec.blockSize() != 32) {
                    throw new IllegalArgumentException("--block-size " + spec.blockSize() + ": gguf Q8_0 and Q4_0 blocks are 32 values");
                }
                return spec.precision() == Precision.INT8 ? GgmlType.Q8_0 : GgmlType.Q4_0;
        }
    }

    /** llama.cpp's {@code llama_ftype} of a file whose weights are mostly {@code type}. */
    private static int fileType(GgmlType type) {
        switch (type) {
            case F32: return 0;
            case F16: return 1;
            case Q4_0: return 2;
            default: return 7;
        }
    }

    private static GgufMetadata metadata(SyntheticSpec spec, GgmlType weights) {
        ModelDimensions d = spec.dims();
        String arch = "phi3";
        GgufMetadata m = new GgufMetadata()
                .putString("general.architecture", arch)
                .putString("general.name", "aipc-bench synthetic " + spec.cacheKey())
                .putUint32("general.file_type", fileType(weights));
        if (weights.blockSize() > 1) {
            m.putUint32("general.quantization_version", 2);
        }
        return m.putUint32(arch + ".context_length", d.context())
                .putUint32(arch + ".embedding_length", d.hidden())
                .putUint32(arch + ".feed_forward_length", d.intermediate())
                .putUint32(arch + ".block_count", d.layers())
                .putUint32(arch + ".attention.head_count", d.heads())
                .putUint32(arch + ".attention.head_count_kv", d.kvHeads())
                .putFloat32(arch + ".attention.layer_norm_rms_epsilon", d.rmsNormEps())
                .putUint32(arch + ".attention.sliding_window", d.context())
                .putUint32(arch + ".rope.dimension_count", d.headSize())
                .putFloat32(arch + ".rope.freq_base", d.ropeTheta());
    }

    /** The tensors, named as llama.cpp names them, each from the seed stream Phi3Graph gives the same weight. */
    private static List<GgufTensor> tensors(ModelDimensions d, Phi3Weights w, Precision precision, GgmlType weights) {
        GgmlType floats = precision == Precision.FP16 ? GgmlType.F16 : GgmlType.F32;
        List<GgufTensor> t = new ArrayList<>();
        t.add(GgmlMatrix.rows("token_embd.weight", w.embedding(Phi3Graph.EMBEDDING), floats));
        for (int i = 0; i < d.layers(); i++) {
            String blk = "blk." + i;
            String onnx = "model.layers." + i;
            t.add(new GgmlVector(blk + ".attn_norm.weight", w.normGain(onnx + ".input_layernorm.weight", d.hidden())));
            t.add(weight(w, blk + ".attn_qkv.weight", onnx + ".attn.qkv_proj.MatMul.weight", d.hidden(), d.qkvWidth(), weights));
            t.add(weight(w, blk + ".attn_output.weight", onnx + ".attn.o_proj.MatMul.weight", d.queryWidth(), d.hidden(), weights));
            t.add(new GgmlVector(blk + ".ffn_norm.weight", w.normGain(onnx + ".post_attention_layernorm.weight", d.hidden())));
            t.add(weight(w, blk + ".ffn_up.weight", onnx + ".mlp.gate_up_proj.MatMul.weight", d.hidden(), d.gateUpWidth(), weights));
            t.add(weight(w, blk + ".ffn_down.weight", onnx + ".mlp.down_proj.MatMul.weight", d.intermediate(), d.hidden(), weights));
        }
        t.add(new GgmlVector("output_norm.weight", w.normGain("model.norm.weight", d.hidden())));
        t.add(GgmlMatrix.weight("output.weight", w.lmHead(Phi3Graph.LM_HEAD, Phi3Graph.EMBEDDING), weights));
        return t;
    }

    private static GgmlMatrix weight(Phi3Weights w, String name, String seedName, int in, int out, GgmlType type) {
        return GgmlMatrix.weight(name, w.projection(seedName, in, out), type);
    }
}
