package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.telemetry.TelemetryConfig;
import dev.aipcbench.harness.telemetry.TelemetryRecorder;
import dev.aipcbench.harness.telemetry.catalog.TelemetrySources;
import dev.aipcbench.results.Workload;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * What recording telemetry costs the measurement, for the suite's developers: generations with the
 * default telemetry sources recording (following this very process, as they follow a fork) alternate
 * with generations without, iteration by iteration in the same process, so the differences between
 * processes, larger than the effect looked for, cancel out. TPOT is summed per state in the counters:
 * {@code onTpotNanos / onGenerations} against {@code offTpotNanos / offGenerations}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TelemetryOverheadBenchmark {

    @State(Scope.Benchmark)
    public static class Cell extends OpenSession {
        @Override
        protected Workload handLaunchWorkload() {
            return new Workload.Generate(promptTokens, genTokens);
        }

        TokenTimeline timeline;
        TelemetryRecorder recorder;
        boolean recording;
        int[] prompt;
        long iteration;

        @Override
        protected void prepare() {
            timeline = new TokenTimeline(genTokens);
        }

        @Setup(Level.Iteration)
        public void toggle() {
            prompt = nextPrompt(promptTokens);
            recording = iteration++ % 2 == 0;
            if (recording) {
                recorder = TelemetryRecorder.start(TelemetrySources.defaults(TelemetryConfig.defaults()), null);
                recorder.follow(ProcessHandle.current().pid());
            }
        }

        @TearDown(Level.Iteration)
        public void stop() {
            if (recorder != null) {
                recorder.stop(0);
                recorder.close();
                recorder = null;
            }
        }
    }

    /** TPOT sums and generation counts with telemetry on and off; JMH sums them over iterations and forks. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Split {
        public long onTpotNanos;
        public long onGenerations;
        public long offTpotNanos;
        public long offGenerations;

        @Setup(Level.Iteration)
        public void reset() {
            onTpotNanos = 0;
            onGenerations = 0;
            offTpotNanos = 0;
            offGenerations = 0;
        }
    }

    @Benchmark
    public int generate(Cell cell, Split split) {
        cell.session.generate(cell.prompt, cell.genTokens, cell.timeline);
        long tpot = Math.round(cell.timeline.tpotNanos());
        if (cell.recording) {
            split.onTpotNanos += tpot;
            split.onGenerations++;
        } else {
            split.offTpotNanos += tpot;
            split.offGenerations++;
        }
        return cell.timeline.token(cell.timeline.count() - 1);
    }
}
