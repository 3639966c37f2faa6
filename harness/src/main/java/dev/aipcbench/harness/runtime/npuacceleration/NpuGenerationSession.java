package dev.aipcbench.harness.runtime.npuacceleration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionInfo;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A model loaded by the NPU acceleration library in a Python process that lives as long as the session
 * ({@link NpuDriverScript}), so the NPU compile is paid once. Each generation is one request; the
 * timeline is filled from the driver's per-token lines. Timestamps are Python's
 * {@code time.monotonic_ns()}: only differences are used, so the clock's origin does not matter. TTFT runs
 * from just before the first forward pass (after the ids reached Python) to the first id; each entry's
 * runtime share is the forward pass, as the driver measured it.
 */
public final class NpuGenerationSession implements GenerationSession {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path script;
    private final BufferedReader out;
    private final Writer in;
    private final OutputTail stderr;
    private final SessionInfo info;
    private boolean closed;

    private NpuGenerationSession(Process process, Path script, BufferedReader out, Writer in, OutputTail stderr, SessionInfo info) {
        this.process = process;
        this.script = script;
        this.out = out;
        this.in = in;
        this.stderr = stderr;
        this.info = info;
    }

    /**
     * Starts the driver with {@code python} on a Hugging Face folder and waits until the model is loaded.
     *
     * @param dtype fp16, int8 or int4: the library quantises the weights while loading
     * @throws IllegalStateException with the driver's message, or its exit status and stderr, when loading fails
     */
    public static NpuGenerationSession open(PythonInterpreter python, String runtimeVersion, Path folder, String dtype) {
        Path script = NpuDriverScript.writeTemporary();
        Process process;
        try {
            process = python.command(script.toString(), folder.toAbsolutePath().toString(), dtype).start();
        } catch (IOException e) {
            deleteScript(script);
            throw new IllegalStateException("cannot start " + python.describe() + ": " + e.getMessage(), e);
        }
        OutputTail stderr = new OutputTail(process.getErrorStream(), "npu-driver-stderr");
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        NpuGenerationSession session = null;
        try {
            JsonNode ready = readEvent(out, process, stderr, "loading " + folder);
            expect(ready, "ready", "loading " + folder);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("python", python.describe());
            details.put("dtype", dtype);
            details.put("load_ms", Double.toString(ready.path("load_ns").asLong() / 1e6));
            details.put("library_version", ready.path("version").asText());
            details.put("note", "intel_npu_acceleration_library is archived upstream (no longer maintained by Intel)");
            SessionInfo info = new SessionInfo(NpuAccelerationLibraryRuntime.ID, runtimeVersion, "Intel NPU (" + dtype + ")",
                    ready.path("vocab").asInt(-1), ready.path("layers").asInt(-1), "float16", "transformers past_key_values", details);
            session = new NpuGenerationSession(process, script, out, in, stderr, info);
            return session;
        } finally {
            if (session == null) {
                process.destroyForcibly();
                deleteScript(script);
            }
        }
    }

    @Override
    public void generate(int[] prompt, int newTokens, TokenTimeline timeline) {
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
        try {
            in.write(JSON.writeValueAsString(request) + "\n");
            in.flush();
        } catch (IOException e) {
            throw died("sending a request");
        }
        JsonNode start = readEvent(out, process, stderr, "generating");
        expect(start, "start", "generating");
        timeline.begin(prompt.length, start.path("t_ns").asLong());
        for (int i = 0; i < newTokens; i++) {
            JsonNode token = readEvent(out, process, stderr, "generating");
            expect(token, "token", "generating token " + i);
            timeline.record(token.path("token").asInt(), token.path("t_ns").asLong(), token.path("run_ns").asLong());
        }
        expect(readEvent(out, process, stderr, "generating"), "done", "finishing the generation");
    }

    /** The next JSON line from the driver; fails with its exit status and stderr when it has ended. */
    private static JsonNode readEvent(BufferedReader out, Process process, OutputTail stderr, String doing) {
        String line;
        try {
            line = out.readLine();
        } catch (IOException e) {
            line = null;
        }
        if (line == null) {
            throw died(process, stderr, doing);
        }
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("NPU acceleration library driver printed '" + line + "' while " + doing
                    + "; expected one JSON object per line");
        }
    }

    private static void expect(JsonNode event, String expected, String doing) {
        String kind = event.path("event").asText();
        if (kind.equals("error")) {
            throw new IllegalStateException("NPU acceleration library failed while " + doing + ": " + event.path("message").asText());
        }
        if (!kind.equals(expected)) {
            throw new IllegalStateException("NPU acceleration library driver sent '" + kind + "' while " + doing
                    + "; expected '" + expected + "'");
        }
    }

    private IllegalStateException died(String doing) {
        return died(process, stderr, doing);
    }

    private static IllegalStateException died(Process process, OutputTail stderr, String doing) {
        String status;
        try {
            status = process.waitFor(5, TimeUnit.SECONDS) ? "exit status " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "interrupted";
        }
        return new IllegalStateException("NPU acceleration library driver ended while " + doing + " (" + status + "); stderr:\n"
                + stderr.text(2000));
    }

    private static void deleteScript(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    /** Ends the driver (stdin closed, then killed if it lingers) and deletes its script. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            in.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
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
}
