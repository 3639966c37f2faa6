package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelCache;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFolder;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.synthetic.SyntheticModelGenerator;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.onnxruntime.OrtGenerationSession;
import dev.aipcbench.harness.tokenizer.HfTokenizer;
import dev.aipcbench.harness.tokenizer.Phi3ChatTemplate;
import dev.aipcbench.harness.tokenizer.StreamingDetokenizer;
import dev.aipcbench.harness.workload.PromptFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code run-bench generate}: stream a greedy generation and end with TTFT, TPOT and tokens/s. Step
 * times are taken around the runtime calls, so printing the stream costs the numbers nothing.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text greedily with ONNX Runtime and report TTFT, TPOT and tokens/s.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    @Option(names = "--model", description = "Model folder (onnxruntime-genai layout). Default: the synthetic tiny int4 model, generated into the cache on first use.")
    Path model;

    @ArgGroup(exclusive = true)
    PromptSource prompt = new PromptSource();

    static final class PromptSource {
        @Option(names = "--prompt", description = "Prompt text (wrapped in the Phi-3 chat template unless --raw).")
        String text;

        @Option(names = "--prompt-tokens", description = "A synthetic prompt of exactly N tokens instead of text.")
        Integer tokens;
    }

    @Option(names = "--system", description = "System message for the chat template.")
    String system;

    @Option(names = "--raw", description = "Do not apply the chat template.")
    boolean raw;

    @Option(names = "--max-new-tokens", defaultValue = "64", description = "Tokens to generate (default ${DEFAULT-VALUE}).")
    int maxNewTokens;

    @Option(names = "--ignore-eos", description = "Keep generating past end-of-sequence tokens (as benchmarks do).")
    boolean ignoreEos;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, igpu, npu or dgpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "Intra-op threads (0: ONNX Runtime's default).")
    int threads;

    @Option(names = "--sampling", defaultValue = "runtime", description = "Where greedy sampling runs: runtime (ArgMax in the graph) or java (default ${DEFAULT-VALUE}).")
    String sampling;

    @Override
    public Integer call() throws Exception {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("--max-new-tokens must be >= 1, got " + maxNewTokens);
        }
        Path folder = model != null ? model : ModelCache.defaultCache().synthetic(
                SyntheticModelGenerator.Spec.of("tiny", ModelDimensions.tiny(), Precision.INT4, 42), new ConsoleProgress(System.err, "generating tiny model"));
        ModelFolder mf = ModelFolder.open(folder);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (HfTokenizer tokenizer = HfTokenizer.load(folder)) {
            long tok0 = System.nanoTime();
            int[] ids;
            if (prompt.tokens != null) {
                ids = new PromptFactory(mf.config().vocabSize(), mf.config().bosTokenId()).prompt(prompt.tokens, 1);
            } else {
                String text = prompt.text != null ? prompt.text : "Tell me about AI PCs.";
                ids = tokenizer.encode(raw ? text : Phi3ChatTemplate.render(system, text));
            }
            double tokenizeMs = (System.nanoTime() - tok0) / 1e6;
            int capacity = ids.length + maxNewTokens;
            if (capacity > mf.config().contextLength()) {
                throw new IllegalArgumentException("prompt (" + ids.length + " tokens) + --max-new-tokens (" + maxNewTokens
                        + ") exceeds the model's context of " + mf.config().contextLength());
            }
            SessionSettings settings = new SessionSettings(Device.parse(device), threads, "all", capacity, Map.of(), null, sampling);
            long load0 = System.nanoTime();
            try (OrtGenerationSession session = OrtGenerationSession.open(mf, settings)) {
                double loadMs = (System.nanoTime() - load0) / 1e6;
                System.err.printf("model %s on %s (%s), prompt %d tokens (tokenized in %.1f ms), loaded in %.0f ms%n",
                        mf.name(), session.info().provider(), session.info().ioType(), ids.length, tokenizeMs, loadMs);
                Set<Integer> eos = new HashSet<>(mf.config().eosTokenIds());
                StreamingDetokenizer stream = new StreamingDetokenizer(tokenizer);
                long t0 = System.nanoTime();
                int token = session.prefill(ids);
                long ttft = System.nanoTime() - t0;
                long decodeNs = 0;
                int generated = 1;
                out.print(stream.push(token));
                while (generated < maxNewTokens && (ignoreEos || !eos.contains(token))) {
                    long s = System.nanoTime();
                    token = session.decode(token);
                    decodeNs += System.nanoTime() - s;
                    generated++;
                    out.print(stream.push(token));
                }
                out.println(stream.flush());
                double tpotMs = generated > 1 ? decodeNs / 1e6 / (generated - 1) : Double.NaN;
                System.err.printf("TTFT %.2f ms | TPOT %.3f ms | %.1f tokens/s | %d tokens%s%n", ttft / 1e6, tpotMs,
                        generated > 1 ? 1000.0 / tpotMs : Double.NaN, generated,
                        !ignoreEos && eos.contains(token) ? " (stopped at end-of-sequence)" : "");
            }
        }
        return 0;
    }
}
