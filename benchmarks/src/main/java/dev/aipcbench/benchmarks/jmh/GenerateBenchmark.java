package dev.aipcbench.benchmarks.jmh;

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
 * End to end: one shot generates {@code genTokens} tokens after a {@code promptTokens}-token prompt,
 * greedily, never stopping at EOS. Every token's latency is kept (token 0 is TTFT), so TTFT, TPOT, the
 * ITL distribution and the per-token latency chart all come from the same generations.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GenerateBenchmark {

    @State(Scope.Benchmark)
    public static class Cell extends OpenSession {
        TokenTimeline timeline;
        int[] prompt;

        @Override
        protected void prepare() {
            timeline = new TokenTimeline(genTokens);
        }

        @Setup(Level.Iteration)
        public void prompt() {
            prompt = nextPrompt(promptTokens);
        }
    }

    @Benchmark
    public int generate(Cell cell) {
        cell.session.generate(cell.prompt, cell.genTokens, cell.timeline);
        CellMeasurements.generation(cell.timeline);
        return cell.timeline.token(cell.timeline.count() - 1);
    }
}
