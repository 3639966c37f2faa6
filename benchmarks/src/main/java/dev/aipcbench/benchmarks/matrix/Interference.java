package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.jmh.ForkRecord;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.results.CellResult;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether other work on the machine disturbed a fork, from what the fork recorded about every measured
 * iteration ({@link ForkRecord.Cpu}): other processes keeping cores busy, or the hypervisor stealing time.
 * A shared machine's neighbour can halve a fork's speed (one fork of a two-thread cell ran at one-thread
 * speed, 75-118 ms against 33-44 ms, because something else held a core); such a fork is marked with its
 * evidence, rerun, and its samples decide nothing.
 */
final class Interference {
    private Interference() {
    }

    /** The fork's summary and verdict under the profile's limits. */
    static CellResult.Fork judge(ForkRecord fork, Profile.Interference limits) {
        List<ForkRecord.Cpu> cpu = fork.iterations() == null ? List.of() : fork.iterations().stream().filter(i -> !i.warmup())
                .map(ForkRecord.Iteration::cpu).filter(Objects::nonNull).toList();
        if (cpu.isEmpty()) {
            return new CellResult.Fork(fork.pid(), false, null, null, null, null);
        }
        double own = cpu.stream().mapToDouble(ForkRecord.Cpu::forkCores).average().orElse(0);
        double others = cpu.stream().mapToDouble(ForkRecord.Cpu::otherCores).average().orElse(0);
        double steal = cpu.stream().mapToDouble(ForkRecord.Cpu::stealPct).average().orElse(0);
        String evidence = null;
        if (others > limits.maxOtherCores()) {
            evidence = String.format(Locale.ROOT, "other processes kept %.2f cores busy (limit %.2f) while it used %.2f", others,
                    limits.maxOtherCores(), own);
        } else if (steal > limits.maxStealPct()) {
            evidence = String.format(Locale.ROOT, "the hypervisor stole %.1f%% of the time (limit %.1f%%)", steal, limits.maxStealPct());
        }
        return new CellResult.Fork(fork.pid(), evidence != null, evidence, round(own), round(others), round(steal));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
