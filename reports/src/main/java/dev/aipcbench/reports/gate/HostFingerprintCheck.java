package dev.aipcbench.reports.gate;

import dev.aipcbench.results.RunResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to compare runs of different machines: a "regression" between a laptop and a workstation
 * is the hardware, not the change under test. The host fingerprint hashes the hardware and OS facts;
 * a run without one cannot prove it is the same machine and is treated as different.
 */
public final class HostFingerprintCheck {

    private HostFingerprintCheck() {
    }

    /** Labelled runs, e.g. the folder each came from. */
    public record LabelledRun(String label, RunResults results) {
    }

    /**
     * Describes the difference when any run's fingerprint differs from the current run's (or is absent),
     * empty when they all agree.
     */
    public static Optional<String> difference(List<LabelledRun> baselines, LabelledRun current) {
        String want = fingerprint(current.results());
        List<String> differing = new ArrayList<>();
        for (LabelledRun b : baselines) {
            String got = fingerprint(b.results());
            if (want == null || got == null || !want.equals(got)) {
                differing.add("baseline " + b.label() + " (" + shown(got) + ")");
            }
        }
        if (differing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("results of different hardware: current " + current.label() + " (" + shown(want)
                + ") vs " + String.join(", ", differing));
    }

    /** Fails with a one-line message unless the fingerprints agree or {@code allow} is set. */
    public static Optional<String> check(List<LabelledRun> baselines, LabelledRun current, boolean allow) {
        Optional<String> diff = difference(baselines, current);
        if (diff.isPresent() && !allow) {
            throw new GateInputException(diff.get() + "; pass --allow-different-hardware to compare them anyway");
        }
        return diff;
    }

    private static String fingerprint(RunResults r) {
        return r.host() == null ? null : r.host().fingerprint();
    }

    private static String shown(String fp) {
        if (fp == null) {
            return "no host fingerprint";
        }
        // sha256:0123456789ab is enough to tell machines apart in a log line
        int keep = fp.startsWith("sha256:") ? "sha256:".length() + 12 : 19;
        return fp.length() > keep ? fp.substring(0, keep) + "..." : fp;
    }
}
