package dev.aipcbench.harness.runtime.pythondriver;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.harness.runtime.TokenTimeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A Python program the suite ships as a resource ({@code .py} beside the runtime's classes), run as a
 * long-lived process that speaks JSON lines: requests on its stdin, one event object per line on its
 * stdout ({@code {"event": "...", ...}}; {@code "error"} carries a {@code message}), stderr drained into a
 * tail for error messages. A reader thread stamps each line with {@link System#nanoTime()} as it
 * arrives, so a session can tell the driver's timestamps from what the suite saw, and lets every read
 * have a timeout: a driver that hangs is killed rather than hanging the benchmark.
 *
 * <p>Messages name the library, e.g. {@code "NPU acceleration library driver ended while loading X
 * (exit status 139); stderr: ..."}.
 */
public final class DriverProcess implements AutoCloseable {
    private static final ObjectMapper JSON = Json.PLAIN;
    private static final Object END = new Object();
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    /** One event from the driver and when the suite read it. */
    public record Event(JsonNode json, long receivedNanos) {
        public String kind() {
            return json.path("event").asText();
        }
    }

    private record Received(String line, long nanos) {
    }

    private final String library;
    private final Process process;
    private final Path script;
    private final Writer in;
    private final OutputTail stderr;
    private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    private boolean closed;

    private DriverProcess(String library, Process process, Path script) {
        this.library = library;
        this.process = process;
        this.script = script;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stderr = new OutputTail(process.getErrorStream(), "python-driver-stderr");
        Thread reader = new Thread(this::readLines, "python-driver-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Writes the resource {@code resource} (next to {@code owner}'s class file) to a temporary file and
     * starts it with {@code python} and {@code arguments}.
     *
     * @param library names the library in messages, e.g. {@code OpenVINO GenAI}
     */
    public static DriverProcess start(String library, PythonInterpreter python, Class<?> owner, String resource, List<String> arguments) {
        Path script = writeScript(owner, resource);
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(arguments);
        try {
            return new DriverProcess(library, python.command(command.toArray(new String[0])).start(), script);
        } catch (IOException e) {
            deleteScript(script);
            throw new IllegalStateException("cannot start " + python.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code opening} (waiting for the driver's "ready", building the session) on this driver, and ends
     * the driver when that fails, so no process outlives a session that did not open.
     */
    public <T> T closedOnFailure(Function<DriverProcess, T> opening) {
        try {
            return opening.apply(this);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The driver's source as shipped. */
    public static String source(Class<?> owner, String resource) {
        try (var stream = owner.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("driver script " + resource + " missing beside " + owner.getName());
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeScript(Class<?> owner, String resource) {
        try {
            Path file = Files.createTempFile("aipcbench-driver-", "-" + resource);
            Files.writeString(file, source(owner, resource), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the driver script " + resource, e);
        }
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(new Received(line, System.nanoTime()));
            }
        } catch (IOException e) {
            // the driver is gone: END tells the reader
        } finally {
            lines.add(END);
        }
    }

    /**
     * The drivers' generation request, {@code {"prompt": [ids], "new_tokens": n}}, checked against the
     * timeline it will fill.
     */
    public static ObjectNode generationRequest(int[] prompt, int newTokens, TokenTimeline timeline) {
        if (newTokens < 1 || newTokens > timeline.capacity()) {
            throw new IllegalArgumentException("new tokens must be 1.." + timeline.capacity() + ", got " + newTokens);
        }
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt must hold at least one token");
        }
        ObjectNode request = JSON.createObjectNode();
        ArrayNode ids = request.putArray("prompt");
        for (int id : prompt) {
            ids.add(id);
        }
        request.put("new_tokens", newTokens);
        return request;
    }

    /** Sends one request line. */
    public void send(JsonNode request, String doing) {
        try {
            in.write(JSON.writeValueAsString(request));
            in.write('\n');
            in.flush();
        } catch (IOException e) {
            throw ended(doing);
        }
    }

    /**
     * The next event; an {@code error} event is thrown as its message.
     *
     * @throws IllegalStateException when the driver reports an error, has ended, prints something that is
     *                               not JSON, or sends nothing within {@code timeout} (it is then killed)
     */
    public Event next(String doing, Duration timeout) {
        Object item;
        try {
            item = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        }
        if (item == null) {
            process.destroyForcibly();
            String waited = timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
            throw new IllegalStateException(library + " driver sent nothing for " + waited + " while " + doing
                    + "; it was killed. stderr:\n" + stderr.text(2000));
        }
        if (item == END) {
            lines.add(END);
            throw ended(doing);
        }
        Received r = (Received) item;
        JsonNode json;
        try {
            json = JSON.readTree(r.line());
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new IllegalStateException(library + " driver printed '" + r.line() + "' while " + doing
                    + "; expected one JSON object per line");
        }
        Event event = new Event(json, r.nanos());
        if (event.kind().equals("error")) {
            throw new IllegalStateException(library + " failed while " + doing + ": " + json.path("message").asText());
        }
        return event;
    }

    /** The next event, which must be of {@code kind}. */
    public Event expect(String kind, String doing, Duration timeout) {
        Event event = next(doing, timeout);
        if (!event.kind().equals(kind)) {
            throw new IllegalStateException(library + " driver sent '" + event.kind() + "' while " + doing + "; expected '" + kind + "'");
        }
        return event;
    }

    private IllegalStateException ended(String doing) {
        String status;
        try {
            status = process.waitFor(5, TimeUnit.SECONDS) ? "exit status " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "interrupted";
        }
        return new IllegalStateException(library + " driver ended while " + doing + " (" + status + "); stderr:\n" + stderr.text(2000));
    }

    /** Whether the process is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    /** Ends the driver: stdin closed (its request loop ends), then killed if it lingers; its script is deleted. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            in.close();
            if (!process.waitFor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            deleteScript(script);
        }
    }

    private static void deleteScript(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
