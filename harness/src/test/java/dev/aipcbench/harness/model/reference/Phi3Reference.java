package dev.aipcbench.harness.model.reference;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.aipcbench.harness.model.onnx.GenaiConfig;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;
import dev.aipcbench.harness.model.synthetic.Phi3Graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-Java Phi-3 decoder over the weights of a suite-written model: the test oracle for the
 * generated graphs. Straightforward loops, double accumulation, no shortcuts; slow, and meant for tiny
 * sizes. It keeps its own KV cache, so prompt and decode steps are checked the same way ONNX Runtime
 * runs them.
 */
public final class Phi3Reference {
    private final int hidden;
    private final int layers;
    private final int heads;
    private final int kvHeads;
    private final int headSize;
    private final int intermediate;
    private final int vocab;
    private final float eps;
    private final float[] embedding;
    private final float[] cos;
    private final float[] sin;
    private final float[] finalNorm;
    private final float[] lmHead;
    private final Layer[] layer;
    private final List<float[][]> keys = new ArrayList<>();
    private final List<float[][]> values = new ArrayList<>();

    private static final class Layer {
        float[] inputNorm;
        float[] postNorm;
        float[] qkv;
        float[] o;
        float[] gateUp;
        float[] down;
    }

    private Phi3Reference(ModelFolder folder) throws IOException {
        GenaiConfig.Decoder d = folder.config().decoder();
        hidden = d.hiddenSize();
        layers = d.numHiddenLayers();
        heads = d.numAttentionHeads();
        kvHeads = d.numKeyValueHeads();
        headSize = d.headSize();
        vocab = folder.config().vocabSize();
        try (OnnxModelFile f = OnnxModelFile.open(folder.modelFile())) {
            ReferenceWeights w = new ReferenceWeights(f);
            eps = epsilon(f);
            embedding = w.vector(Phi3Graph.EMBEDDING);
            cos = w.vector("cos_cache");
            sin = w.vector("sin_cache");
            finalNorm = w.vector("model.norm.weight");
            intermediate = (int) (f.initializers().containsKey("model.layers.0.mlp.down_proj.MatMul.weight")
                    ? f.initializer("model.layers.0.mlp.down_proj.MatMul.weight").getDims(0)
                    : attrOf(f, "model.layers.0.mlp.down_proj.MatMul.weight", "K"));
            lmHead = w.matmul(Phi3Graph.LM_HEAD, hidden, vocab);
            layer = new Layer[layers];
            int qkvWidth = (heads + 2 * kvHeads) * headSize;
            for (int i = 0; i < layers; i++) {
                String p = "model.layers." + i;
                Layer l = new Layer();
                l.inputNorm = w.vector(p + ".input_layernorm.weight");
                l.postNorm = w.vector(p + ".post_attention_layernorm.weight");
                l.qkv = w.matmul(p + ".attn.qkv_proj.MatMul.weight", hidden, qkvWidth);
                l.o = w.matmul(p + ".attn.o_proj.MatMul.weight", heads * headSize, hidden);
                l.gateUp = w.matmul(p + ".mlp.gate_up_proj.MatMul.weight", hidden, 2 * intermediate);
                l.down = w.matmul(p + ".mlp.down_proj.MatMul.weight", intermediate, hidden);
                layer[i] = l;
            }
        }
        reset();
    }

    public static Phi3Reference load(ModelFolder folder) {
        try {
            return new Phi3Reference(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float epsilon(OnnxModelFile f) {
        for (NodeProto n : f.proto().getGraph().getNodeList()) {
            if (n.getOpType().endsWith("SimplifiedLayerNormalization")) {
                for (AttributeProto a : n.getAttributeList()) {
                    if (a.getName().equals("epsilon")) {
                        return a.getF();
                    }
                }
            }
        }
        return 1e-5f;
    }

    private static long attrOf(OnnxModelFile f, String weight, String attr) {
        for (NodeProto n : f.proto().getGraph().getNodeList()) {
            if (n.getOpType().equals("MatMulNBits") && n.getInput(1).startsWith(weight + "_Q")) {
                return ReferenceWeights.attr(n, attr);
            }
        }
        throw new IllegalStateException("no node for " + weight);
    }

    /** Empties the KV cache. */
    public void reset() {
        keys.clear();
        values.clear();
        for (int i = 0; i < layers; i++) {
            keys.add(new float[0][]);
            values.add(new float[0][]);
        }
    }

    /** Appends {@code tokens} to the sequence and returns the logits of each of them, {@code [tokens][vocab]}. */
    public float[][] forward(int[] tokens) {
        float[][] out = new float[tokens.length][];
        for (int t = 0; t < tokens.length; t++) {
            out[t] = step(tokens[t]);
        }
        return out;
    }

    private float[] step(int token) {
        int pos = keys.get(0).length;
        float[] residual = new float[hidden];
        System.arraycopy(embedding, token * hidden, residual, 0, hidden);
        for (int i = 0; i < layers; i++) {
            Layer l = layer[i];
            float[] x = rmsNorm(residual, l.inputNorm);
            float[] qkv = matvec(x, l.qkv, hidden, (heads + 2 * kvHeads) * headSize);
            float[] q = new float[heads * headSize];
            float[] k = new float[kvHeads * headSize];
            float[] v = new float[kvHeads * headSize];
            System.arraycopy(qkv, 0, q, 0, q.length);
            System.arraycopy(qkv, q.length, k, 0, k.length);
            System.arraycopy(qkv, q.length + k.length, v, 0, v.length);
            rotate(q, heads, pos);
            rotate(k, kvHeads, pos);
            keys.set(i, append(keys.get(i), k));
            values.set(i, append(values.get(i), v));
            float[] attn = attention(q, keys.get(i), values.get(i));
            float[] o = matvec(attn, l.o, heads * headSize, hidden);
            add(residual, o);
            float[] h = rmsNorm(residual, l.postNorm);
            float[] gateUp = matvec(h, l.gateUp, hidden, 2 * intermediate);
            float[] act = new float[intermediate];
            for (int j = 0; j < intermediate; j++) {
                double g = gateUp[j];
                act[j] = (float) (g / (1 + Math.exp(-g)) * gateUp[intermediate + j]);
            }
            add(residual, matvec(act, l.down, intermediate, hidden));
        }
        return matvec(rmsNorm(residual, finalNorm), lmHead, hidden, vocab);
    }

    private float[] rmsNorm(float[] x, float[] gain) {
        double sq = 0;
        for (float v : x) {
            sq += (double) v * v;
        }
        double inv = 1.0 / Math.sqrt(sq / x.length + eps);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] * inv * gain[i]);
        }
        return out;
    }

    /** {@code x[K] * W[K, N]}. */
    private static float[] matvec(float[] x, float[] w, int k, int n) {
        double[] acc = new double[n];
        for (int i = 0; i < k; i++) {
            double xi = x[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                acc[j] += xi * w[row + j];
            }
        }
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            out[j] = (float) acc[j];
        }
        return out;
    }

    /** Rotary embedding, non-interleaved (rotate-half), from the model's own cos/sin caches. */
    private void rotate(float[] x, int count, int pos) {
        int half = headSize / 2;
        for (int h = 0; h < count; h++) {
            int base = h * headSize;
            for (int i = 0; i < half; i++) {
                double c = cos[pos * half + i];
                double s = sin[pos * half + i];
                double a = x[base + i];
                double b = x[base + half + i];
                x[base + i] = (float) (a * c - b * s);
                x[base + half + i] = (float) (b * c + a * s);
            }
        }
    }

    /** Causal attention of one query position over every cached position; KV heads shared by query groups. */
    private float[] attention(float[] q, float[][] k, float[][] v) {
        int group = heads / kvHeads;
        double scale = 1.0 / Math.sqrt(headSize);
        float[] out = new float[heads * headSize];
        double[] scores = new double[k.length];
        for (int h = 0; h < heads; h++) {
            int kvBase = (h / group) * headSize;
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < k.length; t++) {
                double s = 0;
                for (int i = 0; i < headSize; i++) {
                    s += (double) q[h * headSize + i] * k[t][kvBase + i];
                }
                scores[t] = s * scale;
                max = Math.max(max, scores[t]);
            }
            double sum = 0;
            for (int t = 0; t < k.length; t++) {
                scores[t] = Math.exp(scores[t] - max);
                sum += scores[t];
            }
            for (int i = 0; i < headSize; i++) {
                double acc = 0;
                for (int t = 0; t < k.length; t++) {
                    acc += scores[t] * v[t][kvBase + i];
                }
                out[h * headSize + i] = (float) (acc / sum);
            }
        }
        return out;
    }

    private static float[][] append(float[][] rows, float[] row) {
        float[][] next = java.util.Arrays.copyOf(rows, rows.length + 1);
        next[rows.length] = row;
        return next;
    }

    private static void add(float[] acc, float[] x) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += x[i];
        }
    }
}
