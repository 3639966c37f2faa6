package dev.aipcbench.benchmarks.jmh;

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

import java.nio.file.Path;
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
        Workload.Generate workload;
        TokenTimeline timeline;
        int[] prompt;

        @Override
        protected Workload handLaunchWorkload() {
            return new Workload.Generate(promptTokens, genTokens);
        }

        @Override
        protected void prepare() {
            workload = (Workload.Generate) cell.workload();
            timeline = new TokenTimeline(workload.genTokens());
        }

        @Setup(Level.Iteration)
        public void prompt() {
            prompt = nextPrompt(workload.promptTokens());
        }

        /** The agreement probe, after every timed shot, so it never perturbs one. */
        @Override
        protected void afterMeasurement() {
            String key = cell.cell().replace('/', '_');
            Path logits = cell.outputs() == null ? null : Path.of(cell.outputs()).resolve(key + ".logits.f32");
            ForkRecorder.probe(AgreementProbe.run(session, logits, logits == null ? null : OUTPUTS + "/" + logits.getFileName()));
        }
    }

    /** The folder of the results folder the probes' logits go to. */
    public static final String OUTPUTS = "outputs";

    @Benchmark
    public int generate(Cell cell) {
        cell.session.generate(cell.prompt, cell.workload.genTokens(), cell.timeline);
        CellMeasurements.generation(cell.timeline);
        return cell.timeline.token(cell.timeline.count() - 1);
    }
}
