package dev.aipcbench.harness.telemetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One long-lived command (e.g. {@code typeperf -si 1 ...}, {@code nvidia-smi ... -lms 100}) whose output
 * lines are handed to a consumer, on a daemon thread, as they arrive. One process for the whole
 * recording, never one per reading: starting a process costs far more than the reading.
 */
public final class CommandLineStream implements AutoCloseable {
    private final Process process;
    private final Thread reader;
    private volatile String lastLine;
    private volatile String consumerFailure;

    private CommandLineStream(Process process, Consumer<String> lines, String threadName) {
        this.process = process;
        this.reader = new Thread(() -> read(lines), threadName);
        this.reader.setDaemon(true);
    }

    /** Starts {@code command} and begins handing its lines to {@code lines}. */
    public static CommandLineStream start(ProcessStarter starter, List<String> command, Consumer<String> lines,
                                          String threadName) throws IOException {
        Process p = starter.start(command);
        p.getOutputStream().close(); // the tools read nothing; a closed stdin keeps them from waiting on it
        CommandLineStream stream = new CommandLineStream(p, lines, threadName);
        stream.reader.start();
        return stream;
    }

    private void read(Consumer<String> lines) {
        // The console tools write in the platform's encoding (OEM/ANSI code page on Windows).
        Charset charset = Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name()));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), charset))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    lastLine = line.strip();
                }
                try {
                    lines.accept(line);
                } catch (RuntimeException e) {
                    // one line the consumer cannot take must not stop the reader: the pipe would fill and stall the tool
                    if (consumerFailure == null) {
                        consumerFailure = e.toString();
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the stream closes under the reader when the process is stopped
        }
    }

    /** The last non-blank line the command printed (its error message when it failed), or null. */
    public String lastLine() {
        return lastLine;
    }

    /** The first error the consumer threw, or null. */
    public String consumerFailure() {
        return consumerFailure;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the command ended on its own or was stopped; -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Waits for the command to end by itself (a command that prints a fixed output), up to the timeout. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        boolean ended = process.waitFor(timeout, unit);
        if (ended) {
            reader.join(unit.toMillis(timeout));
        }
        return ended;
    }

    /** Stops the command and waits until the last line it printed has been handed on. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
            reader.join(2_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
