package dev.aipcbench.history.trend;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.RuntimeInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The software versions a run measured with, as one flat map: {@code suite}, each runtime's version by its
 * id, and every session entry of its cells that names a version or driver ({@code <runtime>.<key>}); two
 * runs' maps differ exactly where an upgrade happened.
 */
public final class RunVersions {
    private RunVersions() {
    }

    public static Map<String, String> of(RunResults run) {
        Map<String, String> v = new TreeMap<>();
        v.put("suite", run.suiteVersion());
        if (run.runtimes() != null) {
            for (RuntimeInfo r : run.runtimes()) {
                if (r.version() != null) {
                    v.put(r.id(), r.version());
                }
            }
        }
        for (CellResult c : run.cells()) {
            if (c.session() == null) {
                continue;
            }
            for (Map.Entry<String, String> e : c.session().entrySet()) {
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (k.contains("version") || k.contains("driver")) {
                    v.putIfAbsent(c.runtime() + "." + e.getKey(), e.getValue());
                }
            }
        }
        return v;
    }

    /** What changed from {@code before} to {@code after} (both runs of {@code host}). */
    public static List<VersionChange> changes(String host, RunResults before, RunResults after) {
        Map<String, String> a = of(before);
        Map<String, String> b = of(after);
        TreeMap<String, String> keys = new TreeMap<>(a);
        keys.putAll(b);
        List<VersionChange> changes = new ArrayList<>();
        for (String k : keys.keySet()) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                changes.add(new VersionChange(host, after.runId(), after.started(), k, a.get(k), b.get(k)));
            }
        }
        return changes;
    }
}
