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
 * @param metrics       metric name to raw samples and summary (see {@link MetricNames})
 * @param tokenLatencies per generated token, latencies in ms as {@code [fork][iteration][token]} (token 0
 *                       is TTFT); drives the per-token latency chart and ITL percentiles
 * @param telemetry     device telemetry summaries while the cell ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellResult(String id, String runtime, String device, String precision, Workload workload,
                         ModelRef model, Map<String, Object> settings, CellStatus status, String reason,
                         String stderrTail, String started, String finished, Double wallSeconds,
                         Map<String, String> session, Map<String, Metric> metrics,
                         List<List<List<Double>>> tokenLatencies, TelemetryResult telemetry) {

    public static String id(String runtime, String device, String precision, Workload workload) {
        return runtime + "/" + device + "/" + precision + "/" + workload.key();
    }

    /** The model of a cell. {@code path} is where it was loaded from; {@code origin} is synthetic or the folder's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelRef(String name, String path, String origin, String size, Long parameters) {
    }

    public boolean ok() {
        return status == CellStatus.OK;
    }
}
