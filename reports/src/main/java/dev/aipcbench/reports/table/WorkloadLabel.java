package dev.aipcbench.reports.table;

import dev.aipcbench.results.Workload;

/** A workload as people read it: {@code generate p64 g16}, {@code prefill p512}, {@code decode d1024}, {@code load}. */
public final class WorkloadLabel {
    private WorkloadLabel() {
    }

    public static String of(Workload w) {
        if (w == null || w.kind() == null) {
            return "?";
        }
        switch (w.kind()) {
            case Workload.GENERATE: return "generate p" + w.promptTokens() + " g" + w.genTokens();
            case Workload.PREFILL: return "prefill p" + w.promptTokens();
            case Workload.DECODE: return "decode d" + w.contextDepth();
            default: return w.kind();
        }
    }
}
