package dev.aipcbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One cell of a run: runtime x device x precision x workload, how it ended, and what it measured.
 *
 * @param id            stable key: {@code runtime/device/precision/workload-key} (resume, comparison, gate)
 * @param model         the model measured (name, folder, origin, parameters)
 * @param settings      threads, forks, warm-up and measured iterations
 * @param reason        why a cell is skipped/unsupported, or the error of a failed one
 * @param stderrTail    the last lines the fork printed, for failed cells
 * @param session       what the runtime reported it opened (provider, KV strategy, I/O type, ...)
 * @param metrics       metric name to raw samples and summary (see {@link MetricCatalog})
 * @param tokenLatencies per generated token, latencies in ms as {@code [fork][iteration][token]} (token 0
 *                       is TTFT); drives the per-token latency chart and ITL percentiles
 * @param telemetry     device telemetry summaries while the cell ran
 * @param output        what the cell's agreement probe generated, and how it agrees with the reference
 * @param forks         every fork the cell ran, in order, with who else used the CPU meanwhile: a disturbed
 *                      fork was rerun, and its samples are not in {@code metrics}
 * @param executedOn    where the work ran, in the runtime's words and the hardware's (absent in older results)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellResult(String id, String runtime, String device, String precision, Workload workload,
                         ModelRef model, Map<String, Object> settings, CellStatus status, String reason,
                         String stderrTail, String started, String finished, Double wallSeconds,
                         Map<String, String> session, Map<String, Metric> metrics,
                         List<List<List<Double>>> tokenLatencies, TelemetryResult telemetry, Output output, List<Fork> forks,
                         ExecutedOn executedOn) {

    /** A cell without {@code executed_on} evidence (results written before it, tests that do not need it). */
    public CellResult(String id, String runtime, String device, String precision, Workload workload,
                      ModelRef model, Map<String, Object> settings, CellStatus status, String reason,
                      String stderrTail, String started, String finished, Double wallSeconds,
                      Map<String, String> session, Map<String, Metric> metrics,
                      List<List<List<Double>>> tokenLatencies, TelemetryResult telemetry, Output output, List<Fork> forks) {
        this(id, runtime, device, precision, workload, model, settings, status, reason, stderrTail, started, finished, wallSeconds,
                session, metrics, tokenLatencies, telemetry, output, forks, null);
    }

    /**
     * Where a cell's work ran. A cell records the device it asked for; runtimes fall back silently (ONNX
     * Runtime gives the nodes a provider cannot take to the CPU, OpenVINO's AUTO moves work), so this says
     * what the runtime reported ({@code runtime}: its provider, OpenVINO's EXECUTION_DEVICES, llama.cpp's
     * backends and offloaded layers) and what the telemetry beside the cell showed ({@code hardware}: the
     * device's busy share against the fork's CPU time), and whether that suggests the work ran elsewhere.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExecutedOn(String runtime, String hardware, boolean fallbackSuspected) {
    }

    public static String id(String runtime, String device, String precision, Workload workload) {
        // the key is also the folder-safe name of the cell's logs: no slash inside it
        return runtime + "/" + device + "/" + precision + "/" + workload.key();
    }

    /** The model of a cell. {@code path} is where it was loaded from; {@code origin} is synthetic or the folder's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelRef(String name, String path, String origin, String size, Long parameters) {
    }

    /**
     * The agreement probe: a fixed prompt (no model-specific token) and the tokens the runtime generated
     * greedily after it, the logits of the first generated position where the runtime exposes them (a file
     * of little-endian float32 relative to the results folder), and the agreement with the reference.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(List<Integer> prompt, List<Integer> tokens, String logits, Agreement agreement) {
        public Output withAgreement(Agreement a) {
            return new Output(prompt, tokens, logits, a);
        }
    }

    /**
     * How a cell's probe agrees with the reference's (the suite's ONNX Runtime loop at fp32 on the same
     * weights): {@code leading} tokens equal from the first, {@code matching} equal at the same position, of
     * {@code of}; the cosine similarity of the first generated position's logits where both have them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agreement(String reference, int leading, int matching, int of, Double cosine) {
    }

    /**
     * One fork of the cell: whether other work disturbed it (and the evidence), and the CPU its measured
     * iterations saw on average: the fork's own cores, other processes' cores, the hypervisor's steal.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fork(long pid, boolean disturbed, String evidence, Double forkCores, Double otherCores, Double stealPct) {
    }

    /** The forks other work disturbed (their samples left out of the metrics, unless no fork was spared). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<Fork> disturbedForks() {
        return forks == null ? List.of() : forks.stream().filter(Fork::disturbed).toList();
    }

    /** Every fork disturbed, reruns included: the metrics then rest on disturbed forks only and decide nothing. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean everyForkDisturbed() {
        return forks != null && !forks.isEmpty() && forks.stream().allMatch(Fork::disturbed);
    }

    /** A copy with {@code m} as its metrics. */
    public CellResult withMetrics(Map<String, Metric> m) {
        return new CellResult(id, runtime, device, precision, workload, model, settings, status, reason, stderrTail, started,
                finished, wallSeconds, session, m, tokenLatencies, telemetry, output, forks, executedOn);
    }

    /** A copy with {@code o} as its output. */
    public CellResult withOutput(Output o) {
        return new CellResult(id, runtime, device, precision, workload, model, settings, status, reason, stderrTail, started,
                finished, wallSeconds, session, metrics, tokenLatencies, telemetry, o, forks, executedOn);
    }

    public boolean ok() {
        return status == CellStatus.OK;
    }
}
