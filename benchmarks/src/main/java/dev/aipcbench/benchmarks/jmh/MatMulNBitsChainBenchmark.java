package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.harness.runtime.onnxruntime.MatMulNBitsChain;
import dev.aipcbench.results.Workload;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ONNX Runtime decode loop against its floor, for the suite's developers (not a matrix workload): a decode
 * step of the suite's loop and a run of the same model's MatMulNBits alone ({@link MatMulNBitsChain}: the weight
 * matmuls of one step, nothing else) alternate call by call in one process, so a shared host's noise falls on
 * both alike and their quotient is what the loop costs beyond its weights. The counters sum per side:
 * {@code loopNanos / loopSteps} is TPOT, {@code chainNanos / chainRuns} the chain's time per token. Run it as
 * {@code java -cp aipc-bench.jar org.openjdk.jmh.Main MatMulNBitsChainBenchmark -p model=DIR -p threads=2}
 * (add {@code -p sessionConfig=session.intra_op.allow_spinning=0} for the other side of an A/B).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class MatMulNBitsChainBenchmark {
    private static final int DEPTH = 128;
    private static final int CAPACITY = 512;

    @State(Scope.Benchmark)
    public static class Cell extends OpenSession {
        /**
         * ONNX Runtime session config entries for both sides, {@code key=value} joined by commas (e.g.
         * {@code session.intra_op.allow_spinning=0}): one run per setting is a per-process A/B of it.
         */
        @Param("")
        public String sessionConfig;

        @Override
        protected Workload handLaunchWorkload() {
            return new Workload.Decode(CAPACITY - 1);
        }

        @Override
        CellSpec cell() {
            CellSpec c = super.cell();
            Map<String, String> options = new LinkedHashMap<>(c.providerOptions());
            for (String entry : sessionConfig.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("JMH parameter 'sessionConfig' entry '" + entry + "' is not key=value");
                }
                options.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
            return new CellSpec(c.cell(), c.runtime(), c.device(), c.model(), c.workload(), c.threads(), c.optimization(),
                    c.sampling(), options, c.kvCapacity(), c.forkRecords(), c.outputs(), c.probes());
        }

        StepwiseSession steps;
        MatMulNBitsChain chain;
        int token;
        boolean chainNext;

        @Override
        protected void prepare() {
            steps = stepwise();
            token = steps.prefill(nextPrompt(DEPTH));
            chain = MatMulNBitsChain.open(ModelFolder.open(Path.of(cell.model())), cell.settings(null));
        }

        @TearDown(Level.Trial)
        public void closeChain() {
            if (chain != null) {
                chain.close();
            }
        }
    }

    /** Summed nanoseconds and counts of each side; JMH sums them over iterations. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Sides {
        public long loopNanos;
        public long loopSteps;
        public long chainNanos;
        public long chainRuns;

        @Setup(Level.Iteration)
        public void reset() {
            loopNanos = 0;
            loopSteps = 0;
            chainNanos = 0;
            chainRuns = 0;
        }
    }

    @Benchmark
    public int alternate(Cell cell, Sides sides) {
        cell.chainNext = !cell.chainNext;
        if (cell.chainNext) {
            sides.chainNanos += cell.chain.run();
            sides.chainRuns++;
            return 0;
        }
        StepwiseSession s = cell.steps;
        if (s.length() >= CAPACITY - 1) {
            s.truncate(DEPTH);
        }
        long t0 = System.nanoTime();
        cell.token = s.decode(cell.token);
        sides.loopNanos += System.nanoTime() - t0;
        sides.loopSteps++;
        return cell.token;
    }
}
