package dev.aipcbench.harness.model.probe;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aipcbench.harness.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One graph of the characterise workload (not an LLM): a matmul of the model's largest projection, or a
 * reduction over a buffer far larger than the caches, as the folder's {@code probe.json} describes it to the
 * fork that runs it.
 *
 * @param file        the graph's file in the folder ({@code matmul.onnx}, {@code matmul.xml}, {@code read.onnx})
 * @param input       the graph's one input ({@code [M, k]} activations), or null for a graph without inputs
 * @param halfInput   whether that input is fp16 (the fp16 precision's activations), else fp32
 * @param k           inputs of the matmul, or the width of a reduction's input (0 when it has none)
 * @param n           outputs of the matmul (0 for a reduction)
 * @param weightBytes bytes one run reads from the graph's constants: the weight in its stored precision (codes,
 *                    scales and zero points), or the reduced buffer
 * @param foldable    whether a graph optimiser would fold the whole graph into a constant (a reduction of a
 *                    constant): its runtime must run it unoptimised
 */
public record ProbeGraph(String file, String input, boolean halfInput, int k, int n, long weightBytes, boolean foldable) {
    public static final String FILE_NAME = "probe.json";
    private static final ObjectMapper JSON = Json.PRETTY;

    public void write(Path folder) throws IOException {
        Files.writeString(folder.resolve(FILE_NAME), JSON.writeValueAsString(this) + "\n");
    }

    public static ProbeGraph read(Path folder) {
        Path f = folder.resolve(FILE_NAME);
        try {
            return JSON.readValue(f.toFile(), ProbeGraph.class);
        } catch (IOException e) {
            throw new ModelFormatException(f, "not a characterise probe (the suite writes probe.json beside each probe graph): "
                    + e.getMessage(), e);
        }
    }

    /** Floating-point operations of one run with {@code m} rows of activations: 2*M*K*N. */
    public double flops(int m) {
        return 2.0 * m * k * n;
    }
}
