package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.quantize.ModelQuantizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code run-bench model quantize}: float MatMul weights of a genai folder to MatMulNBits. */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = "Quantise the float MatMul weights of any builder-style onnxruntime-genai folder to MatMulNBits (RTN, symmetric, block-wise).")
final class ModelQuantizeCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    @Option(names = "--in", required = true, description = "Source model folder (fp32 or fp16 weights).")
    Path in;

    @Option(names = "--precision", required = true, description = "int4 or int8.")
    String precision;

    @Option(names = "--block-size", defaultValue = "32", description = "Block size along K (default ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--accuracy-level", defaultValue = "4", description = "MatMulNBits accuracy_level 0..4 (default ${DEFAULT-VALUE}).")
    int accuracyLevel;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        ModelQuantizer.Outcome o = ModelQuantizer.quantize(in, out, Precision.parse(precision), blockSize, accuracyLevel,
                new ConsoleProgress(System.err, "quantizing"));
        System.err.printf("quantized %d MatMuls, wrote %s in %.1f s%n", o.matmulsQuantized(), ConsoleProgress.bytes(o.bytesWritten()),
                (System.nanoTime() - t0) / 1e9);
        System.out.println(out.toAbsolutePath());
        return 0;
    }
}
