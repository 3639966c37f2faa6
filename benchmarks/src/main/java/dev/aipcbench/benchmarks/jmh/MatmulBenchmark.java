package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.model.probe.ProbeGraph;
import dev.aipcbench.harness.runtime.GraphRuntime;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;
import dev.aipcbench.results.MetricCatalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the cell's precision does through its runtime on the model's largest projection (its probe graph:
 * fp32/fp16 MatMul, int8/int4 MatMulNBits or OpenVINO's compressed-weight MatMul, the model's own
 * quantisation): at M=1 ({@link #m1}) one token's matmul, bound by streaming the weights, {@code matmul_m1_gb_s}
 * = weight bytes / time; at M=512 ({@link #m512}) a prefill's, bound by compute, {@code matmul_m512_gflop_s} =
 * 2*M*K*N / time. One shot repeats the matmul until it lasts about {@value #SHOT_MILLIS} ms (counted once at
 * setup), so a microsecond kernel is not timed by a single clock read.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatmulBenchmark {
    static final int DECODE_ROWS = 1;
    static final int PREFILL_ROWS = 512;
    private static final long SHOT_MILLIS = 50;

    @State(Scope.Benchmark)
    public static class Probe {
        ProbeGraph graph;
        int rows;
        int repeats;
        private GraphRuntime.BareGraph session;

        /** Opens the probe with the rows of the benchmark this fork runs ({@code m1} or {@code m512}). */
        @Setup(Level.Trial)
        public void open(BenchmarkParams params) {
            try {
                CellSpec cell = CellSpec.current();
                ForkRecorder.start(cell.forkRecords() == null ? null : Path.of(cell.forkRecords()));
                rows = params.getBenchmark().endsWith(".m1") ? DECODE_ROWS : PREFILL_ROWS;
                Path folder = Path.of(cell.model());
                graph = ProbeGraph.read(folder);
                session = ((GraphRuntime) RuntimeCatalog.standard().get(cell.runtime())).open(folder, graph, cell.settings(null), rows);
                long once = Long.MAX_VALUE;
                for (int i = 0; i < 3; i++) { // the first run pays for lazy initialisation
                    long t0 = System.nanoTime();
                    session.run();
                    once = Math.min(once, System.nanoTime() - t0);
                }
                repeats = (int) Math.max(1, Math.min(1_000_000, TimeUnit.MILLISECONDS.toNanos(SHOT_MILLIS) / Math.max(1, once)));
                ForkRecorder.sessionDetails(Map.of("provider", session.provider(), "matmul_probe_m" + rows, String.format(java.util.Locale.ROOT,
                        "[%d x %d] x [%d x %d], %d weight bytes, %d runs a shot", rows, graph.k(), graph.k(), graph.n(),
                        graph.weightBytes(), repeats)));
            } catch (RuntimeException | Error e) {
                ForkRecorder.failure(e);
                throw e;
            }
        }

        /** The shot's nanoseconds per run. */
        double shot() {
            long t0 = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                session.run();
            }
            return (System.nanoTime() - t0) / (double) repeats;
        }

        @TearDown(Level.Trial)
        public void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    @Benchmark
    public void m1(Probe p) {
        CellMeasurements.probe(MetricCatalog.MATMUL_M1_GB_S, p.graph.weightBytes() / p.shot());
    }

    @Benchmark
    public void m512(Probe p) {
        CellMeasurements.probe(MetricCatalog.MATMUL_M512_GFLOP_S, p.graph.flops(p.rows) / p.shot());
    }
}
