package dev.aipcbench.reports.compare;

import dev.aipcbench.results.HostInfo;
import dev.aipcbench.results.RunResults;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Names runs the way a reader tells machines apart: the host name; where two runs share it, the
 * short hardware fingerprint too; where that is shared as well (two runs of one machine), the run id.
 */
public final class RunLabels {
    private RunLabels() {
    }

    public static List<String> of(List<RunResults> runs) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String host = hostname(runs.get(i));
            labels.add(host != null ? host : "run " + (i + 1));
        }
        refine(labels, i -> {
            String fp = shortFingerprint(runs.get(i).host());
            return fp.isEmpty() ? "" : " [" + fp + "]";
        });
        refine(labels, i -> runs.get(i).runId() == null ? "" : " (" + runs.get(i).runId() + ")");
        refine(labels, i -> " #" + (i + 1));
        return List.copyOf(labels);
    }

    /** The fingerprint without its algorithm prefix, 8 hex digits: enough to tell machines apart by eye. */
    public static String shortFingerprint(HostInfo host) {
        if (host == null || host.fingerprint() == null) {
            return "";
        }
        String fp = host.fingerprint();
        int colon = fp.indexOf(':');
        String hex = colon < 0 ? fp : fp.substring(colon + 1);
        return hex.length() > 8 ? hex.substring(0, 8) : hex;
    }

    private static String hostname(RunResults run) {
        HostInfo h = run.host();
        return h == null || h.hostname() == null || h.hostname().isBlank() ? null : h.hostname();
    }

    /** Appends {@code suffix} to every label that is not unique yet. */
    private static void refine(List<String> labels, IntFunction<String> suffix) {
        List<String> before = List.copyOf(labels);
        for (int i = 0; i < before.size(); i++) {
            String label = before.get(i);
            if (before.indexOf(label) != before.lastIndexOf(label)) {
                labels.set(i, label + suffix.apply(i));
            }
        }
    }
}
