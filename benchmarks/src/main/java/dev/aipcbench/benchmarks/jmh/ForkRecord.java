package dev.aipcbench.benchmarks.jmh;

import java.util.List;
import java.util.Map;

/**
 * What one fork measured, written by the fork ({@link ForkRecorder}) and read by the host with the same
 * mapper ({@link CellSpec#JSON}): the one channel from a fork to the host. JMH's own results only say
 * whether the fork's benchmark ran; everything the suite records comes from here.
 *
 * @param pid        the fork's process id
 * @param startedMs  when the fork opened its session (orders the forks)
 * @param session    what the runtime opened (provider, KV strategy, I/O type, details), updated at the end
 * @param iterations every iteration, warm-up ones included, in order
 * @param probe      the agreement probe's generation, in generate cells
 * @param failure    the exception that ended the fork, if one did
 * @param benchmark  the JMH benchmark the fork ran (a cell of several, load or characterise, runs each in its own forks)
 */
public record ForkRecord(long pid, long startedMs, Map<String, String> session, List<Iteration> iterations, Probe probe,
                         String failure, String benchmark) {

    /**
     * One iteration: its metrics by name (see {@code MetricCatalog}), when it generated a sequence each
     * token's latency in ms (token 0 is TTFT), and who used the CPU meanwhile.
     */
    public record Iteration(boolean warmup, Map<String, Double> metrics, List<Double> tokenMs, Cpu cpu) {
    }

    /**
     * Who used the CPU during an iteration, in cores (1.0 = one logical core busy the whole time): the fork
     * itself, every other process, and the share of time the hypervisor stole; {@code cores} the machine has.
     */
    public record Cpu(double forkCores, double otherCores, double stealPct, int cores) {
    }

    /**
     * The agreement probe: a fixed prompt generated greedily after the timed iterations, so every runtime's
     * tokens can be compared with the reference's on the same weights.
     *
     * @param logitsFile the first generated position's logits as little-endian float32 (relative to the
     *                   results folder), where the runtime exposes logits; else null
     */
    public record Probe(List<Integer> prompt, List<Integer> tokens, String logitsFile) {
    }
}
