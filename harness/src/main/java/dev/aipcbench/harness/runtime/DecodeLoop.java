package dev.aipcbench.harness.runtime;

/**
 * The suite's generation loop over a {@link StepwiseSession}: prefill, then one decode step per token,
 * each token timestamped as soon as its id is known. It allocates nothing per token: the timeline's
 * arrays are preallocated and the session reuses its tensors.
 */
public final class DecodeLoop {
    private DecodeLoop() {
    }

    public static void run(StepwiseSession session, int[] prompt, int newTokens, TokenTimeline timeline) {
        if (newTokens < 1 || newTokens > timeline.capacity()) {
            throw new IllegalArgumentException("new tokens must be 1.." + timeline.capacity() + ", got " + newTokens);
        }
        timeline.begin(prompt.length, System.nanoTime());
        int token = session.prefill(prompt);
        timeline.record(token, System.nanoTime(), session.lastRunNanos());
        for (int i = 1; i < newTokens; i++) {
            token = session.decode(token);
            timeline.record(token, System.nanoTime(), session.lastRunNanos());
        }
    }
}
