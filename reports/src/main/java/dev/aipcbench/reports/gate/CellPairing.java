package dev.aipcbench.reports.gate;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.RunResults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matches the current run's cells with the baseline runs' cells by id. A pair needs the cell {@code ok}
 * in the current run and in at least one baseline run measured with the same model (the id names
 * runtime, device, precision and workload, not the model: a tiny synthetic model must not be compared
 * with Phi-3-mini). Everything else becomes an {@link UnmatchedCell}.
 */
public final class CellPairing {

    /** A comparable cell: the current cell and every {@code ok} baseline cell of the same id and model. */
    public record Pair(String cellId, List<CellResult> baselines, CellResult current) {

        /** Gated metrics either side has, in the current cell's order, then the baselines' extras. */
        public List<String> gatedMetrics() {
            Set<String> names = new LinkedHashSet<>();
            if (current.metrics() != null) {
                names.addAll(current.metrics().keySet());
            }
            for (CellResult b : baselines) {
                if (b.metrics() != null) {
                    names.addAll(b.metrics().keySet());
                }
            }
            names.removeIf(n -> !GatedMetrics.gated(n));
            return List.copyOf(names);
        }

        /** The metric in each baseline run that has it. */
        public List<Metric> baselineMetrics(String metric) {
            List<Metric> out = new ArrayList<>();
            for (CellResult b : baselines) {
                Metric m = b.metrics() == null ? null : b.metrics().get(metric);
                if (m != null) {
                    out.add(m);
                }
            }
            return out;
        }

        /** The metric in the current run, or null. */
        public Metric currentMetric(String metric) {
            return current.metrics() == null ? null : current.metrics().get(metric);
        }
    }

    private final List<Pair> pairs = new ArrayList<>();
    private final List<UnmatchedCell> unmatched = new ArrayList<>();

    private CellPairing() {
    }

    public static CellPairing of(List<RunResults> baselines, RunResults current) {
        Map<String, CellResult> cur = byId(current);
        List<Map<String, CellResult>> bases = baselines.stream().map(CellPairing::byId).toList();
        Set<String> ids = new LinkedHashSet<>(cur.keySet());
        bases.forEach(b -> ids.addAll(b.keySet()));

        CellPairing p = new CellPairing();
        for (String id : ids) {
            List<CellResult> present = bases.stream().map(b -> b.get(id)).filter(Objects::nonNull).toList();
            List<CellResult> ok = present.stream().filter(CellResult::ok).toList();
            CellResult c = cur.get(id);
            if (c != null && c.ok() && !ok.isEmpty()) {
                List<CellResult> sameModel = ok.stream().filter(b -> sameModel(b, c)).toList();
                if (sameModel.isEmpty()) {
                    p.unmatched.add(new UnmatchedCell(id, "ok", "ok", "model differs: baseline "
                            + model(ok.get(0)) + ", current " + model(c), false));
                } else {
                    p.pairs.add(new Pair(id, sameModel, c));
                }
                continue;
            }
            String baseState = !ok.isEmpty() ? "ok" : present.isEmpty() ? "missing"
                    : present.stream().map(CellPairing::state).distinct().collect(Collectors.joining("/"));
            String curState = c == null ? "missing" : state(c);
            boolean broke = !ok.isEmpty() && c != null && c.status() == CellStatus.FAILED;
            p.unmatched.add(new UnmatchedCell(id, baseState, curState, reason(c, present), broke));
        }
        return p;
    }

    public List<Pair> pairs() {
        return List.copyOf(pairs);
    }

    public List<UnmatchedCell> unmatched() {
        return List.copyOf(unmatched);
    }

    private static String state(CellResult c) {
        return c.status() == null ? "unknown" : c.status().id();
    }

    private static Map<String, CellResult> byId(RunResults r) {
        Map<String, CellResult> m = new LinkedHashMap<>();
        for (CellResult c : r.cells()) {
            m.put(c.id(), c);
        }
        return m;
    }

    // The side that is not ok says why; prefer the current run's words.
    private static String reason(CellResult current, List<CellResult> baselines) {
        if (current != null && !current.ok() && current.reason() != null) {
            return current.reason();
        }
        if (current == null) {
            return "not in the current run";
        }
        return baselines.stream().filter(b -> !b.ok() && b.reason() != null).map(CellResult::reason).findFirst()
                .orElse(baselines.isEmpty() ? "not in any baseline run" : "");
    }

    private static boolean sameModel(CellResult a, CellResult b) {
        CellResult.ModelRef x = a.model();
        CellResult.ModelRef y = b.model();
        if (x == null || y == null) {
            return true; // unknown on a side: nothing to contradict the id
        }
        return Objects.equals(x.name(), y.name()) && Objects.equals(x.origin(), y.origin())
                && Objects.equals(x.size(), y.size()) && Objects.equals(x.parameters(), y.parameters());
    }

    private static String model(CellResult c) {
        CellResult.ModelRef m = c.model();
        if (m == null) {
            return "unknown";
        }
        return m.name() + (m.size() != null ? " (" + m.size() + ")" : "");
    }
}
