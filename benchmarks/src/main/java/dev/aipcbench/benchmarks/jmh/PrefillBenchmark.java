package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.results.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * TTFT as a function of prompt length: one shot is the prefill of a {@code promptTokens}-token prompt
 * plus the first greedy sampling, on an empty KV cache. Runtimes that only generate whole sequences
 * are timed to their first streamed token.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PrefillBenchmark {

    @State(Scope.Benchmark)
    public static class Cell extends OpenSession {
        int[] prompt;
        TokenTimeline first = new TokenTimeline(1);

        @Override
        protected Workload handLaunchWorkload() {
            return new Workload.Prefill(promptTokens);
        }

        @Setup(Level.Iteration)
        public void prompt() {
            prompt = nextPrompt(((Workload.Prefill) cell.workload()).promptTokens());
        }
    }

    @Benchmark
    public int prefill(Cell cell) {
        if (cell.session instanceof StepwiseSession) {
            long t0 = System.nanoTime();
            int token = ((StepwiseSession) cell.session).prefill(cell.prompt);
            CellMeasurements.prefill(System.nanoTime() - t0, cell.prompt.length);
            return token;
        }
        cell.session.generate(cell.prompt, 1, cell.first);
        CellMeasurements.prefill(cell.first.ttftNanos(), cell.prompt.length);
        return cell.first.token(0);
    }
}
