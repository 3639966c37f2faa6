package dev.aipcbench.harness.model.synthetic;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a synthetic Phi-3 model (seeded weights, {@link Phi3Weights}) in one of the model formats it has
 * a writer for, plus the suite's {@code aipc_model.json} recording how it was made. The same spec (size,
 * precision, seed) gives the same weights in every format, so the runtimes reading them measure the same
 * work and must agree on the greedy tokens at fp32.
 */
public final class SyntheticModelGenerator {
    public static final String MODEL_FILE = "model.onnx";

    /** One writer per format; a format without one has no synthetic model (its cells need a folder). */
    private static final Map<ModelFormat, SyntheticFormatWriter> WRITERS = new EnumMap<>(Map.of(
            ModelFormat.ONNX_GENAI, new OnnxGenaiWriter(), ModelFormat.GGUF, new GgufPhi3Writer()));

    /**
     * What to generate. {@code blockSize} is the quantisation group (int8/int4; -1 per output channel);
     * {@code accuracyLevel} is MatMulNBits' (onnx-genai only).
     */
    public record Spec(String arch, ModelFormat format, String size, ModelDimensions dims, Precision precision, int blockSize,
                       int accuracyLevel, long seed) {
        public Spec {
            if (!"phi3".equals(arch)) {
                throw new IllegalArgumentException("unknown --arch '" + arch + "': expected phi3");
            }
            format = format == null ? ModelFormat.ONNX_GENAI : format;
        }

        /**
         * Defaults of the builder's CPU models: block 32, accuracy level 4 (int8 activations) for the
         * quantised precisions; at level 0 ONNX Runtime's CPU int8 path dequantises per call and runs
         * about 100 times slower (measured on the tiny model: 14 ms against 0.12 ms per token).
         */
        public static Spec of(String size, ModelDimensions dims, Precision precision, long seed) {
            return of(ModelFormat.ONNX_GENAI, size, dims, precision, seed);
        }

        /**
         * The defaults of each format's usual tools: onnx-genai as the model builder's CPU models (block 32,
         * accuracy level 4); gguf's Q8_0/Q4_0 (blocks of 32); openvino-ir as the seed's optimum-cli export
         * (int4 symmetric in groups of 128, int8 per output channel as NNCF's default 8-bit compression).
         */
        public static Spec of(ModelFormat format, String size, ModelDimensions dims, Precision precision, long seed) {
            int block;
            int level = 0;
            switch (format) {
                case OPENVINO_IR: block = precision == Precision.INT4 ? 128 : -1; break;
                case ONNX_GENAI: block = 32; level = precision.isQuantized() ? 4 : 0; break;
                default: block = 32; break;
            }
            return new Spec("phi3", format, size, dims, precision, block, level, seed);
        }

        /** A name that identifies this model in a cache (onnx-genai keeps the name it had before other formats). */
        public String cacheKey() {
            String shape = size != null ? size : String.format("h%d-l%d-a%d-kv%d-hs%d-i%d-v%d-c%d", dims.hidden(), dims.layers(),
                    dims.heads(), dims.kvHeads(), dims.headSize(), dims.intermediate(), dims.vocab(), dims.context());
            String quant = "";
            if (precision.isQuantized()) {
                quant = format == ModelFormat.ONNX_GENAI ? "-b" + blockSize + "-acc" + accuracyLevel
                        : blockSize < 0 ? "-per-channel" : "-g" + blockSize;
            }
            String suffix = format == ModelFormat.ONNX_GENAI ? "" : "-" + format.id();
            return arch + "-" + shape + "-" + precision.id() + quant + "-seed" + seed + suffix;
        }
    }

    private SyntheticModelGenerator() {
    }

    /** The formats with a synthetic writer. */
    public static Set<ModelFormat> formats() {
        return WRITERS.keySet();
    }

    public static boolean supports(ModelFormat format) {
        return WRITERS.containsKey(format);
    }

    public static void generate(Spec spec, Path out, Progress progress) throws IOException {
        SyntheticFormatWriter writer = WRITERS.get(spec.format());
        if (writer == null) {
            throw new IllegalArgumentException("no synthetic model in the " + spec.format() + " format: the suite writes "
                    + formats() + "; name a folder of your own instead");
        }
        Files.createDirectories(out);
        writer.write(spec, out, progress);
        ModelManifest.synthetic(spec).write(out);
    }
}
