package dev.aipcbench.benchmarks.matrix;

import java.util.Timer;
import java.util.TimerTask;

/**
 * Kills the cell's JMH fork if the cell outlives its time limit. JMH's own timeout only interrupts the
 * benchmark thread, which a hung native call never notices; killing the fork makes JMH record the
 * failure and the matrix move on.
 */
final class ForkWatchdog implements AutoCloseable {
    private final Timer timer = new Timer("aipc-bench-fork-watchdog", true);
    private volatile boolean fired;

    ForkWatchdog(long timeoutMillis) {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                fired = true;
                JmhForks.current().forEach(ProcessHandle::destroyForcibly);
            }
        }, timeoutMillis);
    }

    boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        timer.cancel();
    }
}
