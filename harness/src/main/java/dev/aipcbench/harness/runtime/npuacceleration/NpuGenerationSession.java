package dev.aipcbench.harness.runtime.npuacceleration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionInfo;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.runtime.pythondriver.DriverProcess;
import dev.aipcbench.harness.runtime.pythondriver.PythonInterpreter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model loaded by the NPU acceleration library in a Python process that lives as long as the session
 * (the driver {@value #DRIVER}, run by {@link DriverProcess}), so the NPU compile is paid once. Each
 * generation is one request; the timeline is filled from the driver's per-token lines. Timestamps are
 * Python's {@code time.monotonic_ns()}: only differences are used, so the clock's origin does not
 * matter. TTFT runs from just before the first forward pass (after the ids reached Python) to the first
 * id; each entry's runtime share is the forward pass, as the driver measured it.
 */
public final class NpuGenerationSession implements GenerationSession {
    static final String DRIVER = "npu_driver.py";
    private static final String LIBRARY = "NPU acceleration library";
    /** Loading includes the NPU compile of the whole model. */
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

    /** The session detail that quotes the library's own backend: whether it found an NPU, its driver. */
    public static final String BACKEND = "npu_backend";

    private final DriverProcess driver;
    private final SessionInfo info;

    private NpuGenerationSession(DriverProcess driver, SessionInfo info) {
        this.driver = driver;
        this.info = info;
    }

    /**
     * Starts the driver with {@code python} on a Hugging Face folder and waits until the model is loaded.
     *
     * @param dtype fp16, int8 or int4: the library quantises the weights while loading
     * @throws IllegalStateException with the driver's message, or its exit status and stderr, when loading fails
     */
    public static NpuGenerationSession open(PythonInterpreter python, String runtimeVersion, Path folder, String dtype) {
        return DriverProcess.start(LIBRARY, python, NpuGenerationSession.class, DRIVER,
                List.of(folder.toAbsolutePath().toString(), dtype)).closedOnFailure(driver -> {
            JsonNode ready = driver.expect("ready", "loading " + folder, LOAD_TIMEOUT).json();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("python", python.describe());
            details.put("dtype", dtype);
            details.put("load_ms", Double.toString(ready.path("load_ns").asLong() / 1e6));
            details.put("library_version", ready.path("version").asText());
            details.put(BACKEND, backend(ready.path("backend")));
            details.put("note", "intel_npu_acceleration_library is archived upstream (no longer maintained by Intel)");
            SessionInfo info = new SessionInfo(NpuAccelerationLibraryRuntime.ID, runtimeVersion, "Intel NPU (" + dtype + ")",
                    ready.path("vocab").asInt(-1), ready.path("layers").asInt(-1), "float16", "transformers past_key_values", details);
            return new NpuGenerationSession(driver, info);
        });
    }

    /**
     * The library's backend report in words: a cell labelled npu whose library found no NPU did not run on one,
     * whatever its timings say.
     */
    private static String backend(JsonNode report) {
        if (report.isMissingNode() || report.isNull()) {
            return "not reported (driver without a backend report)";
        }
        if (report.has("error")) {
            return "not reported: " + report.path("error").asText();
        }
        String driverVersion = report.path("driver_version").asText("unknown");
        return report.path("npu_available").asBoolean(false) ? "NPU, driver " + driverVersion
                : "no NPU found by the library (driver " + driverVersion + "): not on an NPU";
    }

    @Override
    public void generate(int[] prompt, int newTokens, TokenTimeline timeline) {
        ObjectNode request = DriverProcess.generationRequest(prompt, newTokens, timeline);
        driver.send(request, "sending a request");
        JsonNode start = driver.expect("start", "generating", STEP_TIMEOUT).json();
        timeline.begin(prompt.length, start.path("t_ns").asLong());
        for (int i = 0; i < newTokens; i++) {
            JsonNode token = driver.expect("token", "generating token " + i, STEP_TIMEOUT).json();
            timeline.record(token.path("token").asInt(), token.path("t_ns").asLong(), token.path("run_ns").asLong());
        }
        driver.expect("done", "finishing the generation", STEP_TIMEOUT);
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    /** Ends the driver (stdin closed, then killed if it lingers) and deletes its script. */
    @Override
    public void close() {
        driver.close();
    }
}
