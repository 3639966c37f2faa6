package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.workload.PromptFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The same fixed prompt, generated greedily by every runtime on the same weights after its cell's timed
 * iterations: the tokens (and the first position's logits, where the runtime exposes them) that the
 * agreement table compares with the reference, the suite's ONNX Runtime loop at fp32. The prompt carries
 * no model-specific token (no BOS), so it is the same ids whatever format the weights are in.
 */
public final class AgreementProbe {
    public static final int PROMPT_TOKENS = 16;
    public static final int NEW_TOKENS = 16;
    private static final long SEED = 0x5EED_0F_A9EEL;

    private AgreementProbe() {
    }

    /** KV capacity the probe needs. */
    public static int capacity() {
        return PROMPT_TOKENS + NEW_TOKENS;
    }

    /**
     * Runs the probe; {@code logits} is where the first position's logits go (relative name {@code logitsName}
     * in the record), or null not to keep them.
     */
    public static ForkRecord.Probe run(GenerationSession session, Path logits, String logitsName) {
        int vocab = session.info().vocabSize();
        int[] prompt = new PromptFactory(vocab, -1).prompt(PROMPT_TOKENS, SEED);
        List<Integer> promptIds = new ArrayList<>();
        for (int t : prompt) {
            promptIds.add(t);
        }
        List<Integer> tokens = new ArrayList<>();
        String logitsFile = null;
        if (session instanceof StepwiseSession) {
            StepwiseSession s = (StepwiseSession) session;
            s.captureLogits(logits != null);
            int t = s.prefill(prompt);
            tokens.add(t);
            if (logits != null) {
                try {
                    logitsFile = writeLastRow(s.logits(), vocab, logits) ? logitsName : null;
                } catch (UnsupportedOperationException e) {
                    logitsFile = null; // an older build without logits: tokens only
                }
                s.captureLogits(false);
            }
            for (int i = 1; i < NEW_TOKENS; i++) {
                t = s.decode(t);
                tokens.add(t);
            }
            s.truncate(0);
        } else {
            TokenTimeline timeline = new TokenTimeline(NEW_TOKENS);
            session.generate(prompt, NEW_TOKENS, timeline);
            for (int i = 0; i < timeline.count(); i++) {
                tokens.add(timeline.token(i));
            }
        }
        return new ForkRecord.Probe(promptIds, tokens, logitsFile);
    }

    /** The last row of {@code logits} as little-endian float32; false when the runtime gives none. */
    private static boolean writeLastRow(FloatBuffer logits, int vocab, Path file) {
        if (logits == null || logits.limit() < vocab) {
            return false;
        }
        ByteBuffer bytes = ByteBuffer.allocate(vocab * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = logits.limit() - vocab; i < logits.limit(); i++) {
            bytes.putFloat(logits.get(i));
        }
        bytes.flip();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(bytes);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
