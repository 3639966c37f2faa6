package dev.aipcbench.history.store;

import java.time.Instant;
import java.util.List;

/**
 * Which runs a query takes: of these hosts (a host name, or a fingerprint or its first characters), started
 * at or after {@code since}, and holding a cell of one of these runtimes. Empty lists and a null since take
 * every run.
 */
public record RunFilter(List<String> hosts, Instant since, List<String> runtimes) {
    public static final RunFilter ALL = new RunFilter(List.of(), null, List.of());

    public RunFilter {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
    }

    boolean takesHost(String fingerprint, String hostname) {
        if (hosts.isEmpty()) {
            return true;
        }
        for (String h : hosts) {
            String bare = fingerprint == null ? "" : fingerprint.substring(fingerprint.indexOf(':') + 1);
            if (h.equalsIgnoreCase(hostname) || (fingerprint != null && (fingerprint.startsWith(h) || bare.startsWith(h)))) {
                return true;
            }
        }
        return false;
    }
}
