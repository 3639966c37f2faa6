package dev.aipcbench.reports.gate;

import dev.aipcbench.results.MetricCatalog;

import java.util.Map;
import java.util.Optional;

/**
 * Which metrics the gate judges: every metric both sides have (latencies, throughputs, load times,
 * memory, energy, and metrics added later), except the two below. The gate's statistics assume one
 * sample per measured iteration; a metric whose samples are something else would get an interval
 * far narrower than the truth.
 */
public final class GatedMetrics {

    private static final Map<String, String> NOT_GATED = Map.of(
            // one sample per generated token, pooled per fork: tokens of one iteration are not independent
            // (they share the iteration's state), so the bootstrap would claim a precision the run does not
            // have; and it measures what tpot_ms (the per-iteration mean of the same latencies) already gates
            MetricCatalog.ITL_MS.name(), "per-token latencies, already gated as tpot_ms",
            // the suite's own bookkeeping, not the runtime's performance; a small percentage whose ratio is noise
            MetricCatalog.LOOP_OVERHEAD_PCT.name(), "the suite's loop overhead, a diagnostic");

    private GatedMetrics() {
    }

    public static boolean gated(String metric) {
        return !NOT_GATED.containsKey(metric);
    }

    /** Why a metric is not gated, for the report's footnote; empty for gated metrics. */
    public static Optional<String> whyNot(String metric) {
        return Optional.ofNullable(NOT_GATED.get(metric));
    }

    /** The metrics left out, with why. */
    public static Map<String, String> notGated() {
        return NOT_GATED;
    }
}
