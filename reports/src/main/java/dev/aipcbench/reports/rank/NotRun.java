package dev.aipcbench.reports.rank;

import dev.aipcbench.results.CellStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contender that did not run in a group, with why: its cells of one status and one reason headline
 * ({@link ReasonText}), so "onnxruntime · npu: skipped (no NPU found)" is one entry however many workloads
 * it covers.
 *
 * @param contender the contender's name ({@code onnxruntime · npu})
 * @param status    how its cells ended
 * @param reason    the reason's headline, as short as the reason allows
 * @param fullReason the first cell's whole reason
 * @param workloads the workloads it covers, in table order
 */
public record NotRun(String contender, CellStatus status, String reason, String fullReason, List<String> workloads) {

    /** {@code entries} with those of the same contender, status and reason merged, first appearance first. */
    public static List<NotRun> merge(List<NotRun> entries) {
        Map<List<Object>, NotRun> merged = new LinkedHashMap<>();
        for (NotRun n : entries) {
            merged.merge(List.of(n.contender(), n.status(), n.reason()), n, (a, b) -> {
                List<String> w = new ArrayList<>(a.workloads());
                b.workloads().stream().filter(x -> !w.contains(x)).forEach(w::add);
                return new NotRun(a.contender(), a.status(), a.reason(), a.fullReason(), List.copyOf(w));
            });
        }
        return List.copyOf(merged.values());
    }
}
