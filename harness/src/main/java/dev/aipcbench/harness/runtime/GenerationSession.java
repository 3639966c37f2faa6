package dev.aipcbench.harness.runtime;

/**
 * A loaded model on one runtime and device, ready to generate. Generation is greedy and never stops
 * early on EOS: benchmarks generate a fixed number of tokens so runs stay comparable.
 */
public interface GenerationSession extends AutoCloseable {
    /** What was actually opened: runtime, provider, device, model shape. */
    SessionInfo info();

    /** Generates {@code newTokens} tokens after {@code prompt} into {@code timeline} (capacity >= newTokens). */
    void generate(int[] prompt, int newTokens, TokenTimeline timeline);

    @Override
    void close();
}
