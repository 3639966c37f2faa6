package dev.aipcbench.harness.model.synthetic;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import dev.aipcbench.harness.model.GenaiConfig;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.onnx.OnnxModelWriter;
import dev.aipcbench.harness.model.onnx.TensorContent;
import dev.aipcbench.harness.model.quantize.MatMulNBitsRewriter;
import dev.aipcbench.harness.tokenizer.SyntheticTokenizerWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a synthetic Phi-3 model as an onnxruntime-genai folder: {@code genai_config.json},
 * {@code model.onnx} with weights in {@code model.onnx.data}, {@code tokenizer.json}, and the suite's
 * {@code aipc_model.json} recording how it was made.
 */
public final class SyntheticModelGenerator {
    public static final String MODEL_FILE = "model.onnx";

    /** What to generate. {@code blockSize}/{@code accuracyLevel} matter for int8/int4 only. */
    public record Spec(String arch, String size, ModelDimensions dims, Precision precision, int blockSize,
                       int accuracyLevel, long seed) {
        public Spec {
            if (!"phi3".equals(arch)) {
                throw new IllegalArgumentException("unknown --arch '" + arch + "': expected phi3");
            }
        }

        /**
         * Defaults of the builder's CPU models: block 32, accuracy level 4 (int8 activations) for the
         * quantised precisions; at level 0 ONNX Runtime's CPU int8 path dequantises per call and runs
         * about 100 times slower (measured on the tiny model: 14 ms against 0.12 ms per token).
         */
        public static Spec of(String size, ModelDimensions dims, Precision precision, long seed) {
            return new Spec("phi3", size, dims, precision, 32, precision.isQuantized() ? 4 : 0, seed);
        }

        /** A name that identifies this model in a cache. */
        public String cacheKey() {
            String shape = size != null ? size : String.format("h%d-l%d-a%d-kv%d-hs%d-i%d-v%d-c%d", dims.hidden(), dims.layers(),
                    dims.heads(), dims.kvHeads(), dims.headSize(), dims.intermediate(), dims.vocab(), dims.context());
            String quant = precision.isQuantized() ? "-b" + blockSize + "-acc" + accuracyLevel : "";
            return arch + "-" + shape + "-" + precision.id() + quant + "-seed" + seed;
        }
    }

    private SyntheticModelGenerator() {
    }

    public static void generate(Spec spec, Path out, Progress progress) throws IOException {
        Files.createDirectories(out);
        ModelDimensions d = spec.dims();
        var special = SyntheticTokenizerWriter.write(out.resolve("tokenizer.json"), d.vocab());
        GenaiConfig.phi3(d, MODEL_FILE, special.bos(), special.eosIds(), special.pad()).write(out);

        Phi3Graph.Built built = new Phi3Graph(d, new Phi3Weights(d, spec.seed()), spec.precision() == Precision.FP16).build();
        ModelProto skeleton = built.skeleton();
        Map<String, TensorContent> pending = built.pending();
        if (spec.precision().isQuantized()) {
            GraphProto.Builder graph = skeleton.getGraph().toBuilder();
            pending = new MatMulNBitsRewriter(spec.precision().bits(), spec.blockSize(), spec.accuracyLevel()).rewrite(graph, pending);
            skeleton = skeleton.toBuilder().setGraph(graph).build();
        }
        OnnxModelWriter.write(out.resolve(MODEL_FILE), skeleton, pending, progress);
        ModelManifest.synthetic(spec).write(out);
    }
}
