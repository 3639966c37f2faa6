package dev.aipcbench.harness.runtime.openvino;

import com.sun.jna.Pointer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenVINO's per-layer profiling of an infer request's last inference ({@code ov_infer_request_get_profiling_info},
 * the model compiled with {@code PERF_COUNT=YES}): the executed nodes' time, by the node type the plugin ran
 * ({@code FullyConnected}, {@code ScaledDotProductAttentionWithKVCache}, {@code RMS}, ...), largest first.
 *
 * <p>The CPU plugin reports each node's mean over every inference of its graph so far (one graph per stream, shared
 * by the stream's requests; integer microseconds), not the last one's time
 * (seen here: the sums fell step by step, 8.2, 5.9, 4.7, 4.0 ms, while each infer call took 2 to 4 ms, the
 * prefill's time averaged away), so one step's own times are recovered from the means before and after it
 * ({@link #step}).
 */
final class OvProfile {
    private final Map<String, Long> microsByType;

    private OvProfile(Map<String, Long> microsByType) {
        this.microsByType = microsByType;
    }

    static OvProfile of(OpenVinoCore core, Pointer request) {
        OvCoreLibrary.ProfilingInfoList list = new OvCoreLibrary.ProfilingInfoList();
        core.check(core.library().ov_infer_request_get_profiling_info(request, list), "ov_infer_request_get_profiling_info");
        Map<String, Long> byType = new LinkedHashMap<>();
        try {
            int size = new OvCoreLibrary.ProfilingInfo().size();
            for (long i = 0; i < list.size; i++) {
                OvCoreLibrary.ProfilingInfo info = new OvCoreLibrary.ProfilingInfo(list.profilingInfos.share(i * size));
                if (info.status == OvCoreLibrary.ProfilingInfo.EXECUTED && info.realTime > 0) {
                    String type = info.nodeType == null ? "?" : info.nodeType.getString(0);
                    byType.merge(type, info.realTime, Long::sum);
                }
            }
        } finally {
            core.library().ov_profiling_info_list_free(list);
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        byType.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new OvProfile(sorted);
    }

    /**
     * The times of the {@code n}th inference of the graph alone, from the means after it ({@code after}) and after the
     * one before ({@code before}): {@code n * after - (n - 1) * before}, per node type.
     */
    static OvProfile step(OvProfile before, OvProfile after, int n) {
        Map<String, Long> own = new LinkedHashMap<>();
        after.microsByType.forEach((type, mean) -> {
            long t = n * mean - (n - 1) * before.microsByType.getOrDefault(type, 0L);
            if (t > 0) {
                own.put(type, t);
            }
        });
        Map<String, Long> sorted = new LinkedHashMap<>();
        own.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new OvProfile(sorted);
    }

    /** The executed nodes' time, ms. */
    double kernelMillis() {
        return microsByType.values().stream().mapToLong(Long::longValue).sum() / 1000.0;
    }

    /** Each node type's share of {@link #kernelMillis}, percent, largest first. */
    Map<String, Double> opShare() {
        long total = Math.max(1, microsByType.values().stream().mapToLong(Long::longValue).sum());
        Map<String, Double> out = new LinkedHashMap<>();
        microsByType.forEach((k, v) -> out.put(k, 100.0 * v / total));
        return out;
    }
}
