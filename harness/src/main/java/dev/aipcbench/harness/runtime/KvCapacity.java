package dev.aipcbench.harness.runtime;

/**
 * The bounds of a {@link StepwiseSession}'s KV cache, checked and worded alike by every runtime that steps
 * its own cache: how many more tokens fit, and how far it can be truncated. The checks sit on the per-token
 * path: a compare and nothing allocated while the tokens fit.
 */
public final class KvCapacity {
    private KvCapacity() {
    }

    /** Throws when {@code count} more tokens at position {@code length} do not fit in {@code capacity} tokens. */
    public static void requireRoom(int length, int count, int capacity) {
        if (length + count > capacity) {
            throw new IllegalStateException("sequence of " + (length + count) + " tokens exceeds the KV capacity of " + capacity
                    + ": " + count + " more at position " + length + " do not fit"
                    + " (raise the max sequence length, at most the model's context)");
        }
    }

    /** Throws unless a cache holding {@code length} tokens can be cut to {@code newLength} (0..length). */
    public static void requireTruncatable(int length, int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot truncate to " + newLength + " tokens: the cache holds " + length);
        }
    }
}
