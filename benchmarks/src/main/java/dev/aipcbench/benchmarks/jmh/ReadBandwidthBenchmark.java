package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.catalog.ProbeGraphs;
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

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * A device's memory read bandwidth, the ceiling of a decode step (which streams every weight once): one shot
 * reads a buffer far larger than the caches once, {@code read_gb_s} = its bytes / the shot's time.
 *
 * <p>On the cpu the fork's own threads read it, each its own disjoint slice, which it allocated itself (so its
 * pages are first touched, and placed, by the thread that reads them), as {@code long[]} chunks of at most 64 MiB
 * (no heap region has to hold the whole buffer), on transparent huge pages where the kernel gives them (the fork's
 * {@code -XX:+UseTransparentHugePages}, see {@code JmhPlan}). The sum keeps four independent accumulators, which C2 unrolls
 * into enough loads in flight to reach the memory: measured beside a C AVX-512 loop
 * ({@code benchmarks/src/bench/read-bandwidth-vs-c.sh}) it reads within a few percent of it, so no vector API
 * is needed. On an accelerator the runtime runs a reduction over the buffer held in the device's memory
 * ({@link ProbeGraphs#readReduction}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReadBandwidthBenchmark {
    private static final int CHUNK_LONGS = 8 << 20; // 64 MiB
    private static final long WARM_MILLIS = 1000;

    /** Whether a characterise cell on {@code device} through a runtime reading {@code format} measures its read bandwidth. */
    public static boolean reaches(Device device, ModelFormat format) {
        return device == Device.CPU || ProbeGraphs.hasReadReduction(format);
    }

    @State(Scope.Benchmark)
    public static class Probe {
        CellSpec cell;
        long bytes;
        private Readers readers;
        private GraphRuntime.BareGraph graph;

        @Setup(Level.Trial)
        public void open() throws Exception {
            try {
                cell = CellSpec.current();
                ForkRecorder.start(cell.forkRecords() == null ? null : Path.of(cell.forkRecords()));
                if (cell.probes().readGraph() == null) {
                    readers = new Readers(Math.max(1, cell.threads()), cell.probes().readBytes());
                    bytes = readers.bytes;
                    ForkRecorder.sessionDetails(Map.of("read_probe", String.format(java.util.Locale.ROOT,
                            "the fork's %d thread(s), each summing its own slice of %d MiB (long[], four accumulators)",
                            readers.threads.length, bytes >> 20)));
                } else {
                    Path folder = Path.of(cell.probes().readGraph());
                    ProbeGraph g = ProbeGraph.read(folder);
                    graph = ((GraphRuntime) RuntimeCatalog.standard().get(cell.runtime())).open(folder, g, cell.settings(null), 1);
                    bytes = g.weightBytes();
                    ForkRecorder.sessionDetails(Map.of("read_probe", "ReduceSum over " + (bytes >> 20) + " MiB held by " + graph.provider()));
                }
                warm();
            } catch (Exception | Error e) {
                ForkRecorder.failure(e);
                throw e;
            }
        }

        /**
         * Reads for at least {@value #WARM_MILLIS} ms (three passes at least) before any shot: interpreted, or compiled
         * by C1, the loop reads a fraction of what C2's code reads, and a small buffer's shots are too short to
         * wait for it.
         */
        private void warm() {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WARM_MILLIS);
            int passes = 0;
            while (passes < 3 || System.nanoTime() < until) {
                read();
                passes++;
            }
        }

        long read() {
            if (graph != null) {
                graph.run();
                return 0;
            }
            return readers.readOnce();
        }

        @TearDown(Level.Trial)
        public void close() {
            if (readers != null) {
                readers.close();
            }
            if (graph != null) {
                graph.close();
            }
        }
    }

    @Benchmark
    public long read(Probe p) {
        long t0 = System.nanoTime();
        long sum = p.read();
        long nanos = System.nanoTime() - t0;
        CellMeasurements.probe(MetricCatalog.READ_GB_S, p.bytes / (double) nanos);
        return sum;
    }

    /** T reader threads, each with its own slice, started together for each pass and waited for. */
    private static final class Readers {
        final Thread[] threads;
        final long bytes;
        private final CyclicBarrier start;
        private final CyclicBarrier end;
        private final long[] sums;
        private volatile boolean closing;

        Readers(int count, long totalBytes) throws InterruptedException {
            long perThread = totalBytes / count / 8;
            this.bytes = perThread * 8 * count;
            this.threads = new Thread[count];
            this.sums = new long[count];
            this.start = new CyclicBarrier(count + 1);
            this.end = new CyclicBarrier(count + 1);
            java.util.concurrent.CountDownLatch allocated = new java.util.concurrent.CountDownLatch(count);
            Throwable[] failed = new Throwable[1];
            for (int i = 0; i < count; i++) {
                int id = i;
                threads[i] = new Thread(() -> {
                    long[][] slice;
                    try {
                        slice = allocate(perThread);
                    } catch (Throwable t) {
                        failed[0] = t;
                        allocated.countDown();
                        return;
                    }
                    allocated.countDown();
                    try {
                        while (true) {
                            start.await();
                            if (closing) {
                                return;
                            }
                            long s = 0;
                            for (long[] chunk : slice) {
                                s += sum(chunk);
                            }
                            sums[id] = s;
                            end.await();
                        }
                    } catch (InterruptedException | BrokenBarrierException e) {
                        // closing
                    }
                }, "read-probe-" + i);
                threads[i].setDaemon(true);
                threads[i].start();
            }
            allocated.await();
            if (failed[0] != null) {
                close();
                throw new IllegalStateException("cannot allocate the read probe's " + (totalBytes >> 20) + " MiB: " + failed[0], failed[0]);
            }
        }

        private static long[][] allocate(long longs) {
            int chunks = (int) ((longs + CHUNK_LONGS - 1) / CHUNK_LONGS);
            long[][] out = new long[chunks][];
            for (int c = 0; c < chunks; c++) {
                out[c] = new long[(int) Math.min(CHUNK_LONGS, longs - (long) c * CHUNK_LONGS)];
                java.util.Arrays.fill(out[c], c + 1L);
            }
            return out;
        }

        /** Four independent accumulators: C2 unrolls the loop with several loads in flight per cycle. */
        private static long sum(long[] a) {
            long s0 = 0;
            long s1 = 0;
            long s2 = 0;
            long s3 = 0;
            int n = a.length & ~3;
            for (int i = 0; i < n; i += 4) {
                s0 += a[i];
                s1 += a[i + 1];
                s2 += a[i + 2];
                s3 += a[i + 3];
            }
            for (int i = n; i < a.length; i++) {
                s0 += a[i];
            }
            return s0 + s1 + s2 + s3;
        }

        long readOnce() {
            try {
                start.await();
                end.await();
            } catch (InterruptedException | BrokenBarrierException e) {
                throw new IllegalStateException("the read probe's threads stopped: " + e, e);
            }
            long s = 0;
            for (long v : sums) {
                s += v;
            }
            return s;
        }

        void close() {
            closing = true;
            for (Thread t : threads) {
                if (t != null) {
                    t.interrupt();
                }
            }
        }
    }
}
