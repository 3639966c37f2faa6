package dev.aipcbench.harness.runtime.openvinogenai;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionInfo;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.runtime.pythondriver.DriverProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenVINO IR folder run by OpenVINO GenAI's {@code LLMPipeline} through the {@code openvino_genai}
 * Python package, in a driver process that lives as long as the session (the driver
 * {@value #DRIVER}, run by {@link DriverProcess}), so the compile is paid once. The prompt goes in as
 * token ids and generation is greedy, fixed length ({@code min_new_tokens = max_new_tokens},
 * {@code ignore_eos}).
 *
 * <p>Two clocks, both recorded. The timeline holds the driver's: {@code time.perf_counter_ns()} just
 * before {@code generate()} and as GenAI's streamer hands over each id, with each entry's runtime share
 * taken from GenAI's own per-token inference durations. What the suite saw (each line's arrival) goes
 * into {@link #info()}'s details beside GenAI's perf metrics, so the driver's cost per token is
 * measured, not guessed: {@code openvino.*} (GenAI's metrics), {@code driver.*} (the streamer's
 * timestamps) and {@code java.*} (arrival at the suite). The clocks' offset comes from a few pings at
 * open, so {@code driver.delivery_lag_us} (arrival minus stamp) needs no shared clock origin.
 */
public final class OvGenaiPythonSession implements GenerationSession {
    static final String DRIVER = "openvino_genai_driver.py";
    static final String LIBRARY = "OpenVINO GenAI";
    /** Loading compiles the model (minutes on an NPU for a 4k-context model). */
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
    private static final int PINGS = 5;
    private static final ObjectMapper JSON = Json.PLAIN;

    private final DriverProcess driver;
    private final SessionInfo baseInfo;
    private final long clockOffsetNanos;
    private final long clockRttNanos;
    private int[] ids = new int[0];
    private long[] stamped = new long[0];
    private long[] arrived = new long[0];
    private Map<String, String> lastDetails;

    private OvGenaiPythonSession(DriverProcess driver, SessionInfo baseInfo, long clockOffsetNanos, long clockRttNanos) {
        this.driver = driver;
        this.baseInfo = baseInfo;
        this.clockOffsetNanos = clockOffsetNanos;
        this.clockRttNanos = clockRttNanos;
    }

    /**
     * Starts the driver on {@code folder} and waits until the pipeline is created on {@code device}.
     *
     * @throws IllegalStateException with GenAI's message, or the driver's exit status and stderr, when loading fails
     */
    public static OvGenaiPythonSession open(OvGenaiPythonProbe probe, String runtimeVersion, Path folder, String device,
                                            PipelineProperties properties) {
        return DriverProcess.start(LIBRARY, probe.python(), OvGenaiPythonSession.class, DRIVER,
                List.of(folder.toAbsolutePath().toString(), device, JSON.valueToTree(properties.values()).toString()))
                .closedOnFailure(driver -> {
            JsonNode ready = driver.expect("ready", "loading " + folder + " on " + device, LOAD_TIMEOUT).json();
            long bestRtt = Long.MAX_VALUE;
            long offset = 0;
            for (int i = 0; i < PINGS; i++) {
                long sent = System.nanoTime();
                driver.send(JSON.createObjectNode().put("ping", true), "aligning clocks");
                DriverProcess.Event pong = driver.expect("pong", "aligning clocks", STEP_TIMEOUT);
                long rtt = pong.receivedNanos() - sent;
                if (rtt < bestRtt) {
                    bestRtt = rtt;
                    offset = pong.json().path("t_ns").asLong() - (sent + rtt / 2);
                }
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("api", "python");
            details.put("python", probe.python().describe());
            details.put("genai_version", ready.path("genai_version").asText());
            details.put("device", device);
            properties.describeInto(details);
            details.put("load_ms", Double.toString(ready.path("load_ns").asLong() / 1e6));
            ready.path("defaults").fields().forEachRemaining(e -> details.put("device_default." + e.getKey(), e.getValue().asText()));
            details.put("search", "greedy, min_new_tokens = max_new_tokens, ignore_eos; prompt as token ids");
            details.put("timeline", "driver's perf_counter_ns at GenAI's streamer, one entry per token id; runtime share = GenAI's token_infer_durations");
            SessionInfo info = new SessionInfo(OpenVinoGenaiRuntime.ID, runtimeVersion, "OpenVINO " + device + " (openvino_genai python)",
                    ready.path("vocab").asInt(-1), ready.path("layers").asInt(-1), "set by the IR", "openvino-genai (stateful)", details);
            return new OvGenaiPythonSession(driver, info, offset, bestRtt);
        });
    }

    @Override
    public void generate(int[] prompt, int newTokens, TokenTimeline timeline) {
        ObjectNode request = DriverProcess.generationRequest(prompt, newTokens, timeline);
        if (ids.length < newTokens) {
            ids = new int[newTokens];
            stamped = new long[newTokens];
            arrived = new long[newTokens];
        }
        long sent = System.nanoTime();
        driver.send(request, "sending a request");
        int count = 0;
        DriverProcess.Event event;
        while ((event = driver.next("generating token " + count, STEP_TIMEOUT)).kind().equals("token")) {
            if (count == newTokens) {
                throw new IllegalStateException(LIBRARY + " streamed more than the " + newTokens + " tokens asked for");
            }
            ids[count] = event.json().path("token").asInt();
            stamped[count] = event.json().path("t_ns").asLong();
            arrived[count] = event.receivedNanos();
            count++;
        }
        if (!event.kind().equals("done")) {
            throw new IllegalStateException(LIBRARY + " driver sent '" + event.kind() + "' while generating; expected 'token' or 'done'");
        }
        JsonNode done = event.json();
        checkTokens(done.path("tokens"), count);
        long start = done.path("start_ns").asLong();
        JsonNode inferUs = done.path("infer_us");
        timeline.begin(prompt.length, start);
        for (int i = 0; i < count; i++) {
            long previous = i == 0 ? start : stamped[i - 1];
            long inRuntime = inferUs.size() == count ? Math.round(inferUs.get(i).asDouble() * 1e3) : stamped[i] - previous;
            timeline.record(ids[i], stamped[i], inRuntime);
        }
        lastDetails = details(done.path("metrics"), start, sent, count);
        lastDetails.put("driver.peak_rss_mb", done.path("peak_rss_mb").asText("-1"));
    }

    /** The streamed ids must be the ones GenAI returns: the timeline would otherwise time other tokens. */
    private void checkTokens(JsonNode returned, int count) {
        int[] got = new int[returned.size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = returned.get(i).asInt();
        }
        if (!Arrays.equals(got, Arrays.copyOf(ids, count))) {
            throw new IllegalStateException(LIBRARY + " streamed " + Arrays.toString(Arrays.copyOf(ids, count))
                    + " but returned " + Arrays.toString(got));
        }
    }

    private Map<String, String> details(JsonNode metrics, long start, long sent, int count) {
        Map<String, String> d = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            d.put("openvino." + e.getKey(), e.getValue().asText());
        }
        d.put("driver.streamed_tokens", Integer.toString(count));
        if (count > 0) {
            d.put("driver.ttft_ms", ms(stamped[0] - start));
            d.put("java.ttft_ms", ms(arrived[0] - sent));
            long lagSum = 0;
            long lagMax = Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                long lag = arrived[i] - (stamped[i] - clockOffsetNanos);
                lagSum += lag;
                lagMax = Math.max(lagMax, lag);
            }
            d.put("driver.delivery_lag_us", Double.toString(lagSum / 1e3 / count));
            d.put("driver.delivery_lag_max_us", Double.toString(lagMax / 1e3));
            d.put("driver.clock_sync_rtt_us", Double.toString(clockRttNanos / 1e3));
        }
        if (count > 1) {
            d.put("driver.tpot_ms", Double.toString((stamped[count - 1] - stamped[0]) / 1e6 / (count - 1)));
            d.put("java.tpot_ms", Double.toString((arrived[count - 1] - arrived[0]) / 1e6 / (count - 1)));
        }
        return d;
    }

    private static String ms(long nanos) {
        return Double.toString(nanos / 1e6);
    }

    /** The session's facts, with the last generation's GenAI metrics and the driver's and suite's timings added. */
    @Override
    public SessionInfo info() {
        if (lastDetails == null) {
            return baseInfo;
        }
        Map<String, String> details = new LinkedHashMap<>(baseInfo.details());
        details.putAll(lastDetails);
        return new SessionInfo(baseInfo.runtime(), baseInfo.runtimeVersion(), baseInfo.provider(), baseInfo.vocabSize(),
                baseInfo.layers(), baseInfo.ioType(), baseInfo.kvCache(), details);
    }

    /** Ends the driver (stdin closed, then killed if it lingers) and deletes its script. */
    @Override
    public void close() {
        driver.close();
    }
}
