package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.results.Workload;

/**
 * The KV cache a workload's session needs, so a 4k-context model does not reserve gigabytes it never
 * touches: the prompt and every generated token, the depth and the step measured at it, and room for the
 * agreement probe of generate cells.
 */
public final class KvCapacity implements Workload.Visitor<Integer> {
    private static final KvCapacity INSTANCE = new KvCapacity();
    /** What a load cell opens with: small, the load is what is measured. */
    private static final int LOAD = 256;

    public static int of(Workload w) {
        return w.accept(INSTANCE);
    }

    @Override
    public Integer generate(Workload.Generate g) {
        return Math.max(g.promptTokens() + g.genTokens(), AgreementProbe.capacity());
    }

    @Override
    public Integer prefill(Workload.Prefill p) {
        return p.promptTokens();
    }

    @Override
    public Integer decode(Workload.Decode d) {
        return d.contextDepth() + 1;
    }

    @Override
    public Integer load(Workload.Load l) {
        return LOAD;
    }

    @Override
    public Integer characterise(Workload.Characterise c) {
        return 0; // no LLM session opens: the probes are bare graphs without a KV cache
    }
}
