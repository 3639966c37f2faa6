package dev.aipcbench.harness.runtime.pythondriver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Drains a child process's stderr on a daemon thread, keeping its last lines for error messages; a
 * stream nobody reads would block the child once the pipe fills.
 */
public final class OutputTail {
    private static final int LINES = 20;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread reader;

    public OutputTail(InputStream stream, String name) {
        reader = new Thread(() -> drain(stream), name);
        reader.setDaemon(true);
        reader.start();
    }

    private void drain(InputStream stream) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    if (lines.size() == LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
            }
        } catch (IOException e) {
            // the child is gone: what was read is the tail
        }
    }

    /** The last lines read, first waiting up to {@code waitMillis} for the stream to end (a child that died). */
    public String text(long waitMillis) {
        try {
            reader.join(Math.max(1, waitMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
