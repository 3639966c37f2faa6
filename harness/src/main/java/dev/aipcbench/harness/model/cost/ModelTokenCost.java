package dev.aipcbench.harness.model.cost;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.gguf.GgmlType;
import dev.aipcbench.results.TokenCost;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A model folder's {@link TokenCost}: the bytes of every matrix as its format stores it at its precision
 * (codes, scales, zero points), from the dimensions and precision in the folder's {@code aipc_model.json}. The
 * encodings are the ones the suite's writers use (the same as the runtimes' own exporters):
 * <ul>
 *   <li>onnx-genai: fp32/fp16 values; int8/int4 MatMulNBits codes in blocks along K plus one scale per block in
 *       the activation type; the embedding stays float, the LM head is a MatMulNBits like the projections; the
 *       KV cache is in the activation type;</li>
 *   <li>openvino-ir: fp32/fp16 values; int8 asymmetric per output channel (u8 codes, u8 zero point, f16 scale);
 *       int4 symmetric in groups (i4 codes, f16 scale per group), the embedding and LM head 8-bit at int4; the KV
 *       state in the activation type (the plugin may compress it further);</li>
 *   <li>gguf: F32, F16, Q8_0, Q4_0 for every matrix and the LM head; the embedding float; llama.cpp's default
 *       F16 KV cache.</li>
 * </ul>
 * A folder without a manifest (a real model from elsewhere) has no cost here, and its cells say so.
 */
public final class ModelTokenCost {
    private ModelTokenCost() {
    }

    /** The cost of a token of the model in {@code folder}, or why it is not known. */
    public static Result of(Path folder) {
        Optional<ModelManifest> m = ModelManifest.read(folder);
        if (m.isEmpty() || m.get().dims() == null || m.get().precision() == null) {
            return new Result(null, "not known: " + folder.getFileName() + " has no " + ModelManifest.FILE_NAME
                    + " with the model's dimensions");
        }
        ModelManifest manifest = m.get();
        ModelFormat format = manifest.format() == null ? ModelFormat.ONNX_GENAI : ModelFormat.parse(manifest.format());
        Precision precision = Precision.parse(manifest.precision());
        int block = manifest.blockSize() == null ? 32 : manifest.blockSize();
        return new Result(of(manifest.dims(), format, precision, block), null);
    }

    /** A token cost, or the reason there is none. */
    public record Result(TokenCost cost, String unknown) {
        public java.util.Map<String, String> facts() {
            return cost != null ? cost.facts() : java.util.Map.of(TokenCost.UNKNOWN, unknown);
        }
    }

    /** The cost of a token of a Phi-3-architecture model of {@code d}, stored in {@code format} at {@code p}. */
    public static TokenCost of(ModelDimensions d, ModelFormat format, Precision p, int block) {
        Encoding e = Encoding.of(format, p, block);
        long h = d.hidden();
        long perLayer = e.matrix(h, d.qkvWidth()) + e.matrix(d.queryWidth(), h) + e.matrix(h, 2L * d.intermediate())
                + e.matrix(d.intermediate(), h) + 2 * h * e.smallBytes();
        long weights = perLayer * d.layers() + h * e.smallBytes() + e.embeddingRow(h) + e.lmHead(h, d.vocab());
        long kv = 2L * d.layers() * d.kvWidth() * e.kvBytes();
        long linearParams = d.layers() * (h * d.qkvWidth() + (long) d.queryWidth() * h + h * 2L * d.intermediate()
                + (long) d.intermediate() * h) + h * d.vocab();
        return new TokenCost(weights, kv, 2 * linearParams, 4L * d.layers() * d.queryWidth());
    }

    /** How one format stores a {@code [K, N]} matrix (K inputs, N outputs) at one precision. */
    private record Encoding(ModelFormat format, Precision p, int block) {
        static Encoding of(ModelFormat format, Precision p, int block) {
            if (format != ModelFormat.ONNX_GENAI && format != ModelFormat.OPENVINO_IR && format != ModelFormat.GGUF) {
                throw new IllegalArgumentException("no token cost for model format " + format.id());
            }
            return new Encoding(format, p, format == ModelFormat.GGUF ? 32 : block);
        }

        /** Activations, norms and the float embedding: fp16 at fp16, else fp32. */
        long smallBytes() {
            return p == Precision.FP16 ? 2 : 4;
        }

        long kvBytes() {
            return format == ModelFormat.GGUF ? 2 : smallBytes();
        }

        long matrix(long k, long n) {
            switch (format) {
                case GGUF: return n * ggml().rowBytes(k);
                case OPENVINO_IR: return openVino(p, k, n);
                default:
                    if (!p.isQuantized()) {
                        return k * n * smallBytes();
                    }
                    long blocks = n * ((k + block - 1) / block);
                    return blocks * ((long) block * p.bits() / 8) + blocks * smallBytes();
            }
        }

        private long openVino(Precision precision, long k, long n) {
            switch (precision) {
                case FP32: return 4 * k * n;
                case FP16: return 2 * k * n;
                case INT8: return k * n + n + 2 * n; // u8 codes, a u8 zero point and an f16 scale per output
                default: return k * n / 2 + n * (k / block) * 2; // i4 codes, an f16 scale per group
            }
        }

        long embeddingRow(long hidden) {
            if (format == ModelFormat.OPENVINO_IR) {
                return openVino(edge(), hidden, 1);
            }
            return hidden * smallBytes();
        }

        long lmHead(long hidden, long vocab) {
            return format == ModelFormat.OPENVINO_IR ? openVino(edge(), hidden, vocab) : matrix(hidden, vocab);
        }

        /** OpenVINO's first and last layers: 8-bit at int4 (NNCF's backup precision). */
        private Precision edge() {
            return p == Precision.INT4 ? Precision.INT8 : p;
        }

        private GgmlType ggml() {
            switch (p) {
                case FP32: return GgmlType.F32;
                case FP16: return GgmlType.F16;
                case INT8: return GgmlType.Q8_0;
                default: return GgmlType.Q4_0;
            }
        }
    }
}
