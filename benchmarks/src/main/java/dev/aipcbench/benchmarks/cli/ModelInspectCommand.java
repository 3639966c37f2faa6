package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.results.Json;
import dev.aipcbench.harness.model.onnx.GenaiConfig;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code run-bench model inspect DIR}: what a model folder holds, validated the way runs validate it. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Validate a model folder and show its shape, operators and files.")
final class ModelInspectCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    @Parameters(index = "0", description = "Model folder.")
    Path folder;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ModelFolder m = ModelFolder.open(folder);
        GenaiConfig c = m.config();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("folder", folder.toAbsolutePath().toString());
        info.put("type", c.modelType());
        info.put("model_file", m.modelFile().getFileName().toString());
        info.put("layers", c.decoder().numHiddenLayers());
        info.put("hidden_size", c.decoder().hiddenSize());
        info.put("heads", c.decoder().numAttentionHeads());
        info.put("kv_heads", c.decoder().numKeyValueHeads());
        info.put("head_size", c.decoder().headSize());
        info.put("vocab_size", c.vocabSize());
        info.put("context_length", c.contextLength());
        info.put("past_present_share_buffer", c.pastPresentShareBuffer());
        info.put("kv_cache", c.pastPresentShareBuffer() && m.usesGroupQueryAttention() ? "shared buffer" : "growing");
        Map<String, Long> ops = new TreeMap<>();
        long weights = 0;
        try (OnnxModelFile f = OnnxModelFile.open(m.modelFile())) {
            f.proto().getGraph().getNodeList().forEach(n -> ops.merge((n.getDomain().isEmpty() ? "" : n.getDomain() + ":") + n.getOpType(), 1L, Long::sum));
            for (var t : f.initializers().values()) {
                weights += OnnxModelFile.elementCount(t);
            }
        }
        info.put("operators", ops);
        info.put("initializer_elements", weights);
        m.manifest().ifPresent(man -> info.put("made_by_aipc_bench", man));
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                files.put(p.getFileName().toString(), Files.size(p));
            }
        }
        info.put("files", files);
        if (json) {
            System.out.println(Json.PRETTY.writeValueAsString(info));
        } else {
            info.forEach((k, v) -> System.out.printf("%-26s %s%n", k, v));
        }
        return 0;
    }
}
