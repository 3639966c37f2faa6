package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.results.Workload;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The suite's own cost per decode step, for the suite's developers (not a matrix workload): decode
 * steps back to back in steady state, so {@code -prof gc} reports the Java allocation per step
 * ({@code gc.alloc.rate.norm}) and the {@code outsideRuntime} counter the time per step spent outside
 * the runtime's inference call. Run it before and after any change to the decode loop:
 * {@code java -cp aipc-bench.jar org.openjdk.jmh.Main DecodeLoopBenchmark -p model=DIR -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeLoopBenchmark {
    private static final int DEPTH = 64;
    private static final int CAPACITY = 512;

    @State(Scope.Benchmark)
    public static class Cell extends OpenSession {
        @Override
        protected Workload handLaunchWorkload() {
            // a KV cache of CAPACITY tokens: steps run from DEPTH up to it, then rewind
            return new Workload.Decode(CAPACITY - 1);
        }

        StepwiseSession steps;
        int token;

        @Override
        protected void prepare() {
            steps = stepwise();
            token = steps.prefill(nextPrompt(DEPTH));
        }
    }

    /**
     * Steps taken and nanoseconds spent outside the runtime's call; JMH sums both over iterations and
     * forks, so their quotient is the loop's own cost per step.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Overhead {
        public long steps;
        public long outsideNanos;

        @Setup(Level.Iteration)
        public void reset() {
            steps = 0;
            outsideNanos = 0;
        }
    }

    @Benchmark
    public int step(Cell cell, Overhead overhead) {
        StepwiseSession s = cell.steps;
        if (s.length() >= CAPACITY - 1) {
            s.truncate(DEPTH);
        }
        long t0 = System.nanoTime();
        cell.token = s.decode(cell.token);
        long elapsed = System.nanoTime() - t0;
        overhead.outsideNanos += elapsed - s.lastRunNanos();
        overhead.steps++;
        return cell.token;
    }
}
