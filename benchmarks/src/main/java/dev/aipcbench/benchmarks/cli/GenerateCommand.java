package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.harness.model.catalog.SyntheticModels;

import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.catalog.ModelCache;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.onnx.GenaiConfig;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.process.ThreadCount;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.harness.runtime.TokenTimeline;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code run-bench generate [--runtime ID]}: stream a greedy generation and end with TTFT, TPOT and
 * tokens/s, on any runtime. Step times are taken around the runtime calls, so printing the stream costs the
 * numbers nothing. A runtime the suite steps itself streams token by token and can stop at end-of-sequence;
 * one that generates whole sequences (a driver process) prints its tokens when they are all there.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text greedily on one runtime and report TTFT, TPOT and tokens/s.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    @Option(names = "--runtime", defaultValue = "onnxruntime", description = "Runtime id (see 'run-bench runtimes'; default ${DEFAULT-VALUE}).")
    String runtimeId;

    @Option(names = "--model", description = "Model folder in the runtime's format. Default: the synthetic tiny int4 model in that format, generated into the cache on first use.")
    Path model;

    @ArgGroup(exclusive = true)
    PromptSource prompt = new PromptSource();

    static final class PromptSource {
        @Option(names = "--prompt", description = "Prompt text (wrapped in the Phi-3 chat template unless --raw; needs the folder's tokenizer.json).")
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

    @Option(names = "--threads", defaultValue = "0", description = "Intra-op threads (0: the runtime's default).")
    int threads;

    @Option(names = "--sampling", defaultValue = "runtime", description = "Where greedy sampling runs: runtime (in the runtime's call) or java (default ${DEFAULT-VALUE}).")
    String sampling;

    @Override
    public Integer call() throws Exception {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("--max-new-tokens must be >= 1, got " + maxNewTokens);
        }
        ThreadCount.check("--threads", threads);
        InferenceRuntime runtime;
        try {
            runtime = RuntimeCatalog.standard().get(runtimeId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--runtime: " + e.getMessage());
        }
        if (!runtime.installed()) {
            throw new IllegalArgumentException("--runtime " + runtimeId + ": " + runtime.location());
        }
        Path folder = model != null ? model : defaultModel(runtime.modelFormat());
        GenaiConfig config = runtime.modelFormat() == ModelFormat.ONNX_GENAI ? ModelFolder.open(folder).config() : null;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path tokenizerFile = Files.isDirectory(folder) ? folder.resolve("tokenizer.json") : null;
        HfTokenizer tokenizer = tokenizerFile != null && Files.isRegularFile(tokenizerFile) ? HfTokenizer.load(folder) : null;
        try {
            if (tokenizer == null && prompt.tokens == null) {
                throw new IllegalArgumentException("--prompt needs a tokenizer.json in " + folder + "; give --prompt-tokens N for this model");
            }
            long tok0 = System.nanoTime();
            int[] ids = prompt.tokens != null ? null : tokenizer.encode(raw ? text() : Phi3ChatTemplate.render(system, text()));
            double tokenizeMs = (System.nanoTime() - tok0) / 1e6;
            int context = config != null ? config.contextLength() : Integer.MAX_VALUE;
            int promptLength = ids != null ? ids.length : prompt.tokens;
            if (promptLength + maxNewTokens > context) {
                throw new IllegalArgumentException("prompt (" + promptLength + " tokens) + --max-new-tokens (" + maxNewTokens
                        + ") exceeds the model's context of " + context);
            }
            SessionSettings settings = new SessionSettings(Device.parse(device), threads, "all", promptLength + maxNewTokens, Map.of(), null, sampling);
            long load0 = System.nanoTime();
            try (GenerationSession session = runtime.open(folder, settings)) {
                double loadMs = (System.nanoTime() - load0) / 1e6;
                if (ids == null) {
                    ids = new PromptFactory(session.info().vocabSize(), config != null ? config.bosTokenId() : -1).prompt(prompt.tokens, 1);
                }
                System.err.printf("model %s on %s %s (%s), prompt %d tokens%s, loaded in %.0f ms%n", folder.getFileName(), runtime.id(),
                        session.info().provider(), session.info().ioType(), ids.length,
                        prompt.tokens == null ? String.format(" (tokenized in %.1f ms)", tokenizeMs) : "", loadMs);
                Set<Integer> eos = new HashSet<>(config != null ? config.eosTokenIds() : List.of());
                TokenTimeline timeline = new TokenTimeline(maxNewTokens);
                StreamingDetokenizer stream = tokenizer != null ? new StreamingDetokenizer(tokenizer) : null;
                boolean stopped = session instanceof StepwiseSession
                        ? stream((StepwiseSession) session, ids, eos, timeline, stream, out)
                        : whole(session, ids, timeline, stream, out);
                double tpotMs = timeline.tpotNanos() / 1e6;
                System.err.printf("TTFT %.2f ms | TPOT %.3f ms | %.1f tokens/s | %d tokens%s%n", timeline.ttftNanos() / 1e6, tpotMs,
                        timeline.count() > 1 ? 1000.0 / tpotMs : Double.NaN, timeline.count(), stopped ? " (stopped at end-of-sequence)" : "");
            }
        } finally {
            if (tokenizer != null) {
                tokenizer.close();
            }
        }
        return 0;
    }

    private String text() {
        return prompt.text != null ? prompt.text : "Tell me about AI PCs.";
    }

    private static Path defaultModel(ModelFormat format) throws java.io.IOException {
        if (!SyntheticModels.supports(format)) {
            throw new IllegalArgumentException("--model: the suite writes no synthetic " + format + " model; name a folder of yours");
        }
        return ModelCache.defaultCache().synthetic(SyntheticSpec.of(format, "tiny", ModelDimensions.tiny(), Precision.INT4, 42),
                new ConsoleProgress(System.err, "generating tiny model"));
    }

    /** The suite's loop, printing each token as it comes; true when it stopped at end-of-sequence. */
    private boolean stream(StepwiseSession session, int[] ids, Set<Integer> eos, TokenTimeline timeline, StreamingDetokenizer text,
                           PrintStream out) {
        timeline.begin(ids.length, System.nanoTime());
        int token = session.prefill(ids);
        timeline.record(token, System.nanoTime(), session.lastRunNanos());
        print(text, token, out);
        while (timeline.count() < maxNewTokens && (ignoreEos || !eos.contains(token))) {
            token = session.decode(token);
            timeline.record(token, System.nanoTime(), session.lastRunNanos());
            print(text, token, out);
        }
        out.println(text != null ? text.flush() : "");
        return !ignoreEos && eos.contains(token) && timeline.count() < maxNewTokens;
    }

    /** A runtime that generates whole sequences: all --max-new-tokens, then the text. */
    private boolean whole(GenerationSession session, int[] ids, TokenTimeline timeline, StreamingDetokenizer text, PrintStream out) {
        session.generate(ids, maxNewTokens, timeline);
        for (int i = 0; i < timeline.count(); i++) {
            print(text, timeline.token(i), out);
        }
        out.println(text != null ? text.flush() : "");
        return false;
    }

    private static void print(StreamingDetokenizer text, int token, PrintStream out) {
        out.print(text != null ? text.push(token) : token + " ");
    }
}
