package dev.aipcbench.harness.runtime.pythondriver;

import com.sun.jna.Platform;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Python interpreter a runtime drives its Python library through: one named explicitly (a system
 * property, then an environment variable), or the first {@code python3} (then {@code python}) on PATH.
 * It may be absent; {@link #describe()} then says so for messages.
 */
public final class PythonInterpreter {
    /** The environment variable naming the interpreter for every Python-driven runtime. */
    public static final String ENV = "AIPCBENCH_PYTHON";

    private final Path path;
    private final String absence;

    private PythonInterpreter(Path path, String absence) {
        this.path = path;
        this.absence = absence;
    }

    /** The interpreter at {@code path}, used as given. */
    public static PythonInterpreter at(Path path) {
        return new PythonInterpreter(path, null);
    }

    /** The interpreter named by {@code -Dproperty} or {@link #ENV}, else the one found on PATH. */
    public static PythonInterpreter locate(String property) {
        return explicit(property).orElseGet(PythonInterpreter::onPath);
    }

    /** The interpreter named by {@code -Dproperty}, else by {@link #ENV}, if either is set. */
    public static Optional<PythonInterpreter> explicit(String property) {
        String explicit = System.getProperty(property);
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv(ENV);
        }
        return explicit == null || explicit.isBlank() ? Optional.empty() : Optional.of(at(Path.of(explicit.trim())));
    }

    /** The first {@code python3} (then {@code python}) on PATH, or an absent one saying so. */
    public static PythonInterpreter onPath() {
        String pathVariable = System.getenv("PATH");
        List<String> names = Platform.isWindows() ? List.of("python3.exe", "python.exe") : List.of("python3", "python");
        for (String name : names) {
            for (String folder : pathVariable == null ? new String[0] : pathVariable.split(File.pathSeparator)) {
                Path candidate = folder.isBlank() ? null : Path.of(folder).resolve(name);
                if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return at(candidate);
                }
            }
        }
        return new PythonInterpreter(null, "no python3 on PATH");
    }

    /** Whether there is an interpreter file to run. */
    public boolean exists() {
        return path != null && Files.isRegularFile(path);
    }

    /** The interpreter's path, or why there is none. */
    public String describe() {
        if (path == null) {
            return absence;
        }
        return Files.isRegularFile(path) ? path.toString() : path + " does not exist";
    }

    /** A process builder for this interpreter with {@code arguments}, unbuffered so JSON lines arrive as printed. */
    public ProcessBuilder command(String... arguments) {
        if (path == null) {
            throw new IllegalStateException(absence);
        }
        List<String> command = new ArrayList<>();
        command.add(path.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        return builder;
    }

    /**
     * Runs the interpreter to completion, killing it after {@code timeout}.
     *
     * @return its exit status and output; {@code timedOut} when it was killed
     */
    public Run run(Duration timeout, String... arguments) {
        try {
            Process process = command(arguments).start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            return new Run(finished ? process.exitValue() : -1, out.join(), err.join(), !finished);
        } catch (IOException e) {
            return new Run(-1, "", e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + path, e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finished run: exit status (-1 when killed or not started), output, and whether it timed out. */
    public record Run(int exitStatus, String stdout, String stderr, boolean timedOut) {
        /** The last non-blank line of stderr, where Python puts the exception. */
        public String lastErrorLine() {
            String[] lines = stderr.strip().split("\\R");
            return lines.length == 0 ? "" : lines[lines.length - 1].strip();
        }
    }
}
