package dev.aipcbench.harness.model.openvino;

import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.synthetic.Phi3Weights;
import dev.aipcbench.harness.model.synthetic.SyntheticFormatWriter;
import dev.aipcbench.harness.tokenizer.SpecialTokens;
import dev.aipcbench.harness.tokenizer.SyntheticTokenizerWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The synthetic model as an OpenVINO IR folder laid out as {@code optimum-cli export openvino} lays one out
 * (the contract every OpenVINO runtime of the suite reads; see this package's documentation for the list of
 * files). The model IR is written here, in Java ({@link Phi3IrGraph}); so are the tokenizer IRs
 * ({@link TokenizerIrWriter}).
 */
public final class OpenVinoIrWriter implements SyntheticFormatWriter {
    public static final String MODEL_XML = "openvino_model.xml";
    public static final String MODEL_BIN = "openvino_model.bin";

    @Override
    public void write(SyntheticSpec spec, Path out, Progress progress) throws IOException {
        validate(spec);
        ModelDimensions d = spec.dims();
        SpecialTokens special = SyntheticTokenizerWriter.write(out.resolve("tokenizer.json"), d.vocab());
        HfConfigFiles.write(out, d, spec.precision(), special);
        TokenizerIrWriter.write(out.resolve("tokenizer.json"), out, special);
        writeModel(spec, out, progress);
    }

    /** NNCF's limits, checked before anything is written: int8 per output channel, int4 groups dividing every input. */
    static void validate(SyntheticSpec spec) {
        ModelDimensions d = spec.dims();
        int block = spec.blockSize();
        if (spec.precision() == Precision.INT8 && block != -1) {
            throw new IllegalArgumentException("--block-size " + block + ": openvino-ir int8 is per output channel (NNCF's INT8_ASYM); "
                    + "give -1 or leave it out");
        }
        if (spec.precision() == Precision.INT4) {
            for (int in : new int[] {d.hidden(), d.queryWidth(), d.intermediate()}) {
                if (block <= 0 || in % block != 0) {
                    throw new IllegalArgumentException("--block-size " + block + ": int4 groups of " + block + " do not divide a projection's "
                            + in + " inputs; give a group size that divides " + d.hidden() + ", " + d.queryWidth() + " and " + d.intermediate());
                }
            }
        }
    }

    private static void writeModel(SyntheticSpec spec, Path out, Progress progress) throws IOException {
        ModelDimensions d = spec.dims();
        long total = Phi3IrGraph.bytes(d, spec.precision());
        AtomicLong done = new AtomicLong();
        try (IrBinFile bin = new IrBinFile(out.resolve(MODEL_BIN))) {
            IrGraph graph = new IrGraph("Model0", bin);
            IrOps ops = new IrOps(graph);
            new Phi3IrGraph(d, new Phi3Weights(d, spec.seed()), spec.precision(), spec.blockSize(), ops,
                    n -> progress.update(done.addAndGet(n), total)).build();
            rtInfo(graph, spec);
            graph.write(out.resolve(MODEL_XML));
        }
    }

    /**
     * What made the model, as optimum and NNCF record it, and for the fp32 reference the runtime options that
     * keep it fp32 on every device: OpenVINO applies a model's {@code runtime_options} when it compiles it, and
     * its CPU plugin would otherwise keep the KV cache in u8 (and compute in bf16 where the CPU has it).
     */
    static void rtInfo(IrGraph graph, SyntheticSpec spec) {
        graph.rtInfo("aipc_bench", "origin", "synthetic");
        graph.rtInfo("aipc_bench", "arch", spec.arch());
        graph.rtInfo("aipc_bench", "precision", spec.precision().id());
        graph.rtInfo("aipc_bench", "seed", Long.toString(spec.seed()));
        if (spec.precision().isQuantized()) {
            boolean int4 = spec.precision() == Precision.INT4;
            graph.rtInfo("nncf", "mode", int4 ? "int4_sym" : "int8_asym");
            graph.rtInfo("nncf", "group_size", Integer.toString(int4 ? spec.blockSize() : -1));
            graph.rtInfo("nncf", "ratio", "1.0");
            graph.rtInfo("nncf", "all_layers", "False");
            graph.rtInfo("nncf", "backup_mode", "int8_asym");
        }
        if (spec.precision() == Precision.FP32) {
            graph.rtInfo("runtime_options", "KV_CACHE_PRECISION", "f32");
            graph.rtInfo("runtime_options", "INFERENCE_PRECISION_HINT", "f32");
        }
    }
}
