package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.harness.model.catalog.SyntheticModels;

import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import dev.aipcbench.harness.model.catalog.ModelCache;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code run-bench model generate}: a synthetic Phi-3-architecture model with seeded random weights. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic Phi-3-architecture model (seeded random weights) in one model format, by default an",
                "onnxruntime-genai folder: genai_config.json, model.onnx + model.onnx.data, tokenizer.json, aipc_model.json.",
                "The same size, precision and seed give the same weights in every format."})
final class ModelGenerateCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    @Option(names = "--arch", defaultValue = "phi3", description = "Architecture (phi3).")
    String arch;

    @Option(names = "--format", defaultValue = "onnx-genai", description = "Model format: onnx-genai, gguf or openvino-ir (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--size", description = "tiny (tests) or mini (Phi-3-mini-4k's exact shape). Default tiny unless dimensions are given.")
    String size;

    @Option(names = "--hidden") Integer hidden;
    @Option(names = "--layers") Integer layers;
    @Option(names = "--heads") Integer heads;
    @Option(names = "--kv-heads") Integer kvHeads;
    @Option(names = "--head-size") Integer headSize;
    @Option(names = "--intermediate") Integer intermediate;
    @Option(names = "--vocab") Integer vocab;
    @Option(names = "--context") Integer context;

    @Option(names = "--precision", defaultValue = "int4", description = "fp32, fp16, int8 or int4 (default ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--block-size", description = "Quantisation block (group) size for int8/int4, -1 per output channel "
            + "(default: the format's usual tool's: 32 for onnx-genai and gguf; openvino-ir 128 for int4, per channel for int8).")
    Integer blockSize;

    @Option(names = "--accuracy-level", description = "MatMulNBits accuracy_level 0..4 (default 4 for int8/int4: int8 activations).")
    Integer accuracyLevel;

    @Option(names = "--seed", defaultValue = "42", description = "Weight seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", description = "Output folder (default: the model cache, ~/.cache/aipc-bench/models or $AIPC_BENCH_CACHE).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Precision p = Precision.parse(precision);
        ModelFormat f;
        try {
            f = ModelFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format: " + e.getMessage());
        }
        if (!SyntheticModels.supports(f)) {
            throw new IllegalArgumentException("--format " + f + ": the suite writes synthetic models as " + SyntheticModels.formats());
        }
        boolean custom = hidden != null || layers != null || heads != null || kvHeads != null || headSize != null
                || intermediate != null || vocab != null || context != null;
        if (custom && size != null) {
            throw new IllegalArgumentException("--size and custom dimensions (--hidden ...) exclude each other; custom dimensions start from tiny");
        }
        ModelDimensions base = ModelDimensions.preset(size == null ? "tiny" : size);
        ModelDimensions d = !custom ? base : new ModelDimensions(or(hidden, base.hidden()), or(layers, base.layers()),
                or(heads, base.heads()), or(kvHeads, or(heads, base.kvHeads())), or(headSize, hidden != null && heads != null ? hidden / heads : base.headSize()),
                or(intermediate, base.intermediate()), or(vocab, base.vocab()), or(context, base.context()), base.ropeTheta(), base.rmsNormEps());
        SyntheticSpec defaults = SyntheticSpec.of(f, custom ? null : (size == null ? "tiny" : size), d, p, seed);
        SyntheticSpec spec = new SyntheticSpec(arch, f, defaults.size(), d, p,
                blockSize != null ? blockSize : defaults.blockSize(), accuracyLevel != null ? accuracyLevel : defaults.accuracyLevel(), seed);
        System.err.printf("generating %s: %,d parameters, %s%n", spec.cacheKey(), d.parameterCount(), p);
        ConsoleProgress progress = new ConsoleProgress(System.err, "writing weights");
        long t0 = System.nanoTime();
        Path folder;
        if (out == null) {
            folder = ModelCache.defaultCache().synthetic(spec, progress);
        } else {
            SyntheticModels.generate(spec, out, progress);
            folder = out;
        }
        System.err.printf("done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.println(folder.toAbsolutePath());
        return 0;
    }

    private static int or(Integer v, int fallback) {
        return v != null ? v : fallback;
    }
}
