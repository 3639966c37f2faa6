package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.harness.runtime.TokenTimeline;
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
 * TPOT at a context depth: the KV cache holds {@code contextDepth} tokens and one shot is one decode
 * step. The cache is filled once per fork; before each shot it is rewound to the depth, which is free
 * with a shared KV buffer, so every shot decodes at exactly the same position. Untimed, just before
 * the shot, two steps at that depth are run and rewound: in a generation each step follows another,
 * with the runtime's worker threads awake and the weights in cache, while a step after JMH's pause
 * between shots would also time the threads waking up (measured on the tiny model: single cold steps
 * of 0.32 or 0.53 ms depending on the process, against 0.14 ms for steps in a row).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecodeBenchmark {

    private static final int WARM_STEPS = 2;

    @State(Scope.Benchmark)
    public static class Cell extends OpenSession {
        StepwiseSession steps;
        int token;
        int[] wholePrompt;
        TokenTimeline whole;

        @Override
        protected void prepare() {
            if (!(session instanceof StepwiseSession)) {
                wholePrompt = nextPrompt(Math.max(1, contextDepth - WARM_STEPS));
                whole = new TokenTimeline(WARM_STEPS + 2);
                return;
            }
            steps = stepwise();
            token = steps.prefill(nextPrompt(contextDepth));
        }

        @Setup(Level.Invocation)
        public void rewindWarm() {
            if (steps == null) {
                return;
            }
            for (int i = 0; i < WARM_STEPS; i++) {
                steps.truncate(contextDepth);
                steps.decode(token);
            }
            steps.truncate(contextDepth);
        }
    }

    /**
     * A runtime that only generates whole sequences (OpenVINO GenAI) generates {@code WARM_STEPS + 2}
     * tokens after a {@code contextDepth - WARM_STEPS}-token prompt; its last token's latency is the step
     * with {@code contextDepth} tokens in the KV cache, after {@code WARM_STEPS} steps in a row, as above.
     * The shot's own time then includes the prefill; the step is what is recorded.
     */
    @Benchmark
    public int decode(Cell cell) {
        if (cell.steps == null) {
            cell.session.generate(cell.wholePrompt, WARM_STEPS + 2, cell.whole);
            CellMeasurements.decodeStep(cell.whole.latencyNanos(cell.whole.count() - 1));
            return cell.whole.token(cell.whole.count() - 1);
        }
        long t0 = System.nanoTime();
        int next = cell.steps.decode(cell.token);
        CellMeasurements.decodeStep(System.nanoTime() - t0);
        return next;
    }
}
