package dev.aipcbench.harness.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An external command the suite runs to completion (a probe, an installer, a reference run), never for
 * longer than its bound: a hung PowerShell, pip or Python must not hang a run. Output goes to a temporary
 * file, so a talkative command cannot block on a full pipe, and is returned whole.
 */
public final class BoundedCommand {
    /** How a command ended. {@code started} is false when it could not be started at all (not installed). */
    public record Result(boolean started, boolean timedOut, int exit, String output) {
        public boolean ok() {
            return started && !timedOut && exit == 0;
        }

        /** The last non-blank line of the output, or what kept it from running. */
        public String lastLine() {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
        }
    }

    private BoundedCommand() {
    }

    /** Runs {@code command}, killing it (and its children) after {@code bound}. */
    public static Result run(List<String> command, Duration bound) {
        Path log = null;
        Process p;
        try {
            log = Files.createTempFile("aipc-bench-command", ".log");
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            deleteQuietly(log);
            return new Result(false, false, -1, e.getMessage() == null ? "cannot start " + command.get(0) : e.getMessage());
        }
        try {
            p.getOutputStream().close();
            if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(true, true, -1, "timed out after " + bound.toSeconds() + " s: " + String.join(" ", command));
            }
            return new Result(true, false, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(true, false, -1, e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(true, true, -1, "interrupted");
        } finally {
            deleteQuietly(log);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover temporary log is harmless
            }
        }
    }
}
