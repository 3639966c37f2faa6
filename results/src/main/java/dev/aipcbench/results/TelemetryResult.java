package dev.aipcbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Telemetry recorded while a cell ran: one entry per source, and the file (relative to the results
 * folder) holding the time series in long format: {@code t_ms,source,signal,unit,value}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelemetryResult(String seriesFile, List<Source> sources) {

    /**
     * One source. {@code status} is {@code ok} or {@code unavailable}; an unavailable source says why
     * ("permission denied: /sys/class/powercap/intel-rapl:0/energy_uj") and reports no values, never zeros.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String source, String status, String reason, Double intervalMs, Map<String, Signal> signals) {
    }

    /**
     * Summary of one signal. {@code total} is set for energy counters (joules over the cell) and
     * {@code perToken} divides it by the tokens generated.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signal(String unit, int n, double avg, double peak, double min, Double total, Double perToken) {
    }
}
