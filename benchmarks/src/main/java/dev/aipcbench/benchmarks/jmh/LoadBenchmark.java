package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;
import dev.aipcbench.results.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Model load and compile. {@code cold}: every shot gets an empty compile cache, so NPU/GPU providers
 * compile from scratch (on CPU this is load plus graph optimisation). {@code warm}: the cache was filled
 * by a load before the first shot, and the OS file cache holds the weights. The runtime itself is
 * initialised before any shot, in every fork.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    @State(Scope.Benchmark)
    public static class Cell extends CellParameters {
        CellSpec cell;
        Path cacheRoot;
        Path warmCache;
        Path shotCache;

        @Override
        protected Workload handLaunchWorkload() {
            return new Workload.Load();
        }

        @Setup(Level.Trial)
        public void warmUp() throws IOException {
            try {
                cell = cell();
                ForkRecorder.start(cell.forkRecords() == null ? null : Path.of(cell.forkRecords()));
                cacheRoot = Files.createTempDirectory("aipc-bench-compile-cache");
                warmCache = Files.createDirectories(cacheRoot.resolve("warm"));
                try (GenerationSession s = RuntimeCatalog.standard().get(cell.runtime()).open(Path.of(cell.model()), cell.settings(warmCache))) {
                    ForkRecorder.session(s.info());
                }
            } catch (IOException | RuntimeException | Error e) {
                ForkRecorder.failure(e);
                throw e;
            }
        }

        @Setup(Level.Invocation)
        public void emptyCache() throws IOException {
            shotCache = Files.createTempDirectory(cacheRoot, "cold");
        }

        @TearDown(Level.Trial)
        public void removeCaches() throws IOException {
            try (Stream<Path> walk = Files.walk(cacheRoot)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Benchmark
    public Object cold(Cell cell) {
        return load(cell, cell.shotCache, false);
    }

    @Benchmark
    public Object warm(Cell cell) {
        return load(cell, cell.warmCache, true);
    }

    private static Object load(Cell cell, Path cache, boolean warm) {
        long t0 = System.nanoTime();
        GenerationSession s = RuntimeCatalog.standard().get(cell.cell.runtime()).open(Path.of(cell.cell.model()), cell.cell.settings(cache));
        long loaded = System.nanoTime() - t0;
        String provider = s.info().provider();
        ProcessPeakMemory.noteChildren();
        s.close();
        CellMeasurements.load(loaded, warm);
        return provider;
    }
}
