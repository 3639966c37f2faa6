package dev.aipcbench.benchmarks.matrix;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One measurement at a time on a machine: each cell's forks run while this process holds JMH's own lock
 * file ({@code java.io.tmpdir/jmh.lock}), so two runs started together (or a run beside any other JMH
 * benchmark) take turns cell by cell instead of measuring each other. JMH would fail the second run's every
 * cell ("Unable to acquire the JMH lock"); the suite waits for the lock instead, saying so, and tells JMH
 * not to take it again itself ({@code jmh.ignoreLock}) since this process already holds it.
 */
final class MeasurementLock {
    private static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");

    static {
        // Read by JMH's Runner when its class initialises: set before any Runner exists.
        System.setProperty("jmh.ignoreLock", "true");
    }

    private MeasurementLock() {
    }

    /** Waits (printing once why) until no other process measures; close the result after the cell. */
    static AutoCloseable acquire(PrintStream console) throws IOException {
        FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                console.printf("  waiting: another benchmark on this machine holds %s; cells measure one at a time%n", FILE);
                lock = channel.lock();
            }
            FileLock held = lock;
            return () -> {
                held.release();
                channel.close();
            };
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
