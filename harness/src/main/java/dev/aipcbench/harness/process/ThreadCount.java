package dev.aipcbench.harness.process;

/**
 * Thread counts a user asks for, checked against the machine: beyond a few threads per logical core a runtime
 * only thrashes (a run asked for 100000 reached 20,395 threads and 16.6 GB of stacks before anyone noticed),
 * so such a count is refused, saying what the machine has.
 */
public final class ThreadCount {
    /** Threads per logical core still accepted: room for hyper-threaded and oversubscription experiments. */
    public static final int PER_LOGICAL_CORE = 4;

    private ThreadCount() {
    }

    /** Fails with a one-line usage error naming {@code where} when {@code threads} is beyond the machine. */
    public static void check(String where, int threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > cores * PER_LOGICAL_CORE) {
            throw new IllegalArgumentException(where + " = " + threads + ": this machine has " + cores + " logical cores; at most "
                    + cores * PER_LOGICAL_CORE + " threads make sense (0: the runtime's default)");
        }
    }
}
