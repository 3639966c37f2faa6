package dev.aipcbench.harness.model.catalog;

import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.gguf.GgufPhi3Writer;
import dev.aipcbench.harness.model.openvino.OpenVinoIrWriter;
import dev.aipcbench.harness.model.synthetic.OnnxGenaiWriter;
import dev.aipcbench.harness.model.synthetic.SyntheticFormatWriter;
import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The synthetic models the suite writes: a seeded Phi-3 ({@link dev.aipcbench.harness.model.synthetic.Phi3Weights})
 * in every model format it has a writer for, plus the suite's {@code aipc_model.json} recording how it was made.
 * The same spec (size, precision, seed) gives the same weights in every format, so the runtimes reading them
 * measure the same work and must agree on the greedy tokens at fp32. This is the catalog of writers (one per
 * format, each in its own package), kept apart from them so no package cycle exists.
 */
public final class SyntheticModels {
    /** One writer per format; a format without one has no synthetic model (its cells need a folder). */
    private static final Map<ModelFormat, SyntheticFormatWriter> WRITERS = new EnumMap<>(Map.of(
            ModelFormat.ONNX_GENAI, new OnnxGenaiWriter(),
            ModelFormat.GGUF, new GgufPhi3Writer(),
            ModelFormat.OPENVINO_IR, new OpenVinoIrWriter()));

    private SyntheticModels() {
    }

    /** The formats with a synthetic writer. */
    public static Set<ModelFormat> formats() {
        return WRITERS.keySet();
    }

    public static boolean supports(ModelFormat format) {
        return WRITERS.containsKey(format);
    }

    /** The manifest of a model made from {@code s}. */
    public static ModelManifest manifest(SyntheticSpec s) {
        boolean q = s.precision().isQuantized();
        return new ModelManifest("synthetic", s.format().id(), s.arch(), s.size(), s.dims(), s.precision().id(),
                q ? s.blockSize() : null, q ? s.accuracyLevel() : null, s.seed(), null, s.dims().parameterCount());
    }

    /** Writes the model of {@code spec} into {@code out}, the manifest last (its presence marks a finished model). */
    public static void generate(SyntheticSpec spec, Path out, Progress progress) throws IOException {
        SyntheticFormatWriter writer = WRITERS.get(spec.format());
        if (writer == null) {
            throw new IllegalArgumentException("no synthetic model in the " + spec.format() + " format: the suite writes "
                    + formats() + "; name a folder of your own instead");
        }
        Files.createDirectories(out);
        writer.write(spec, out, progress);
        manifest(spec).write(out);
    }
}
