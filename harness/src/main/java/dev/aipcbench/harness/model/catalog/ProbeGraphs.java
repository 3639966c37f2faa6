package dev.aipcbench.harness.model.catalog;

import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.openvino.MatmulIrGraph;
import dev.aipcbench.harness.model.openvino.ReadReductionIrGraph;
import dev.aipcbench.harness.model.probe.MatmulOnnxGraph;
import dev.aipcbench.harness.model.probe.ProbeGraph;
import dev.aipcbench.harness.model.probe.ReadReductionOnnxGraph;
import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The characterise workload's graphs in the model cache, one writer per format (a catalog like
 * {@link SyntheticModels}, so the format packages stay free of each other): the matmul of a model's largest
 * projection in its format and precision, and the accelerators' read reduction.
 */
public final class ProbeGraphs {
    /** The manifest's origin of a probe folder. */
    public static final String ORIGIN = "characterise-probe";

    private ProbeGraphs() {
    }

    /** The formats with a matmul probe: those of the runtimes that run a bare graph. */
    public static boolean hasMatmul(ModelFormat format) {
        return format == ModelFormat.ONNX_GENAI || format == ModelFormat.OPENVINO_IR;
    }

    /** The formats with a read reduction an accelerator runs. */
    public static boolean hasReadReduction(ModelFormat format) {
        return hasMatmul(format);
    }

    /** The folder of {@code spec}'s matmul probe (its dims' largest projection, its precision and quantisation), written if missing. */
    public static Path matmul(ModelCache cache, SyntheticSpec spec) throws IOException {
        return cache.cached("probe-matmul-" + spec.cacheKey(), folder -> {
            ProbeGraph g;
            switch (spec.format()) {
                case ONNX_GENAI: g = MatmulOnnxGraph.write(spec, folder); break;
                case OPENVINO_IR: g = MatmulIrGraph.write(spec, folder); break;
                default: throw new IllegalArgumentException("no matmul probe in the " + spec.format() + " format");
            }
            g.write(folder);
            boolean q = spec.precision().isQuantized();
            new ModelManifest(ORIGIN, spec.format().id(), spec.arch(), spec.size(), spec.dims(), spec.precision().id(),
                    q ? spec.blockSize() : null, q ? spec.accuracyLevel() : null, spec.seed(), null, (long) g.k() * g.n()).write(folder);
        });
    }

    /** The folder of the read reduction over {@code mib} MiB in {@code format}, written if missing. */
    public static Path readReduction(ModelCache cache, ModelFormat format, int mib) throws IOException {
        return cache.cached("probe-read-" + mib + "mib-" + format.id(), folder -> {
            long bytes = (long) mib << 20;
            ProbeGraph g;
            switch (format) {
                case ONNX_GENAI: g = ReadReductionOnnxGraph.write(bytes, folder); break;
                case OPENVINO_IR: g = ReadReductionIrGraph.write(bytes, folder); break;
                default: throw new IllegalArgumentException("no read reduction in the " + format + " format");
            }
            g.write(folder);
            new ModelManifest(ORIGIN, format.id(), "reduce-sum", null, null, "fp32", null, null, null, null, bytes / 4).write(folder);
        });
    }
}
