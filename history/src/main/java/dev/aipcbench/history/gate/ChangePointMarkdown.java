package dev.aipcbench.history.gate;

import dev.aipcbench.history.trend.VersionChange;

import java.util.List;
import java.util.Locale;

/** changepoints.md: where the machine's history changed, per cell and metric, and with which versions. */
public final class ChangePointMarkdown {
    public static final String FILE = "changepoints.md";

    private ChangePointMarkdown() {
    }

    public static String render(HistoryGate.Outcome o) {
        StringBuilder md = new StringBuilder("# Change points in this machine's history\n\n");
        md.append("E-divisive means over the per-run medians of the last ").append(o.baselineRunIds().size())
                .append(" published run(s) of this machine and the current run (permutation test, 5 % level).\n\n");
        if (o.changes().isEmpty()) {
            return md.append("No change point.\n").toString();
        }
        md.append("| cell | metric | from run | started | before | after | change | p | versions changed |\n|---|---|---|---|---|---|---|---|---|\n");
        for (MetricChange c : o.changes()) {
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %s%s | %s | %.4g %s | %.4g %s | %+.1f%% | %.3f | %s |%n", c.cellId(), c.metric(),
                    c.runId(), c.atCurrentRun() ? " (current)" : "", c.started(), c.before(), c.unit(), c.after(), c.unit(), c.changePct(),
                    c.pValue(), versions(c.versions())));
        }
        return md.toString();
    }

    public static String versions(List<VersionChange> v) {
        return v.isEmpty() ? "none recorded" : String.join("; ", v.stream().map(VersionChange::describe).toList());
    }
}
