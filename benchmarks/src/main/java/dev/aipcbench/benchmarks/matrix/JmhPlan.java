package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.jmh.DecodeBenchmark;
import dev.aipcbench.benchmarks.jmh.GenerateBenchmark;
import dev.aipcbench.benchmarks.jmh.LoadBenchmark;
import dev.aipcbench.benchmarks.jmh.MatmulBenchmark;
import dev.aipcbench.benchmarks.jmh.ReadBandwidthBenchmark;
import dev.aipcbench.harness.matrix.PlannedCell;
import dev.aipcbench.benchmarks.jmh.PrefillBenchmark;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.results.Workload;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * Which JMH benchmark measures a workload and with how many shots: the one place the benchmarks module
 * handles each kind (a new kind of workload fails to compile here until it has its benchmark).
 */
final class JmhPlan implements Workload.Visitor<ChainedOptionsBuilder> {
    private final ChainedOptionsBuilder options;
    private final Profile.Jmh jmh;
    private final PlannedCell cell;

    private JmhPlan(ChainedOptionsBuilder options, Profile.Jmh jmh, PlannedCell cell) {
        this.options = options;
        this.jmh = jmh;
        this.cell = cell;
    }

    /** {@code options} with the cell's benchmark included and its iteration counts set. */
    static ChainedOptionsBuilder apply(ChainedOptionsBuilder options, PlannedCell cell, Profile.Jmh jmh) {
        return cell.workload().accept(new JmhPlan(options, jmh, cell));
    }

    /** Measured shots per fork. */
    static int measuredIterations(Workload w, Profile.Jmh jmh) {
        return w instanceof Workload.Decode ? jmh.decodeIterations() : jmh.iterations();
    }

    /** Warm-up shots per fork: none for load, whose first shot must find nothing compiled or cached. */
    static int warmupIterations(Workload w, Profile.Jmh jmh) {
        return w instanceof Workload.Load ? 0 : jmh.warmupIterations();
    }

    @Override
    public ChainedOptionsBuilder generate(Workload.Generate g) {
        return options.include(exact(GenerateBenchmark.class, "generate")).warmupIterations(warmupIterations(g, jmh))
                .measurementIterations(measuredIterations(g, jmh));
    }

    @Override
    public ChainedOptionsBuilder prefill(Workload.Prefill p) {
        return options.include(exact(PrefillBenchmark.class, "prefill")).warmupIterations(warmupIterations(p, jmh))
                .measurementIterations(measuredIterations(p, jmh));
    }

    @Override
    public ChainedOptionsBuilder decode(Workload.Decode d) {
        return options.include(exact(DecodeBenchmark.class, "decode")).warmupIterations(warmupIterations(d, jmh))
                .measurementIterations(measuredIterations(d, jmh));
    }

    @Override
    public ChainedOptionsBuilder load(Workload.Load l) {
        return options.include(exact(LoadBenchmark.class, "(cold|warm)")).warmupIterations(warmupIterations(l, jmh))
                .measurementIterations(measuredIterations(l, jmh));
    }

    /**
     * The read probe (where the cell's runtime reaches the device's memory: see {@link ReadBandwidthBenchmark#reaches})
     * and the matmul at M=1 and M=512, each in its own forks; shots as a generation's, they are as cheap.
     */
    @Override
    public ChainedOptionsBuilder characterise(Workload.Characterise c) {
        String matmul = exact(MatmulBenchmark.class, "(m1|m512)");
        String read = exact(ReadBandwidthBenchmark.class, "read");
        boolean reads = ReadBandwidthBenchmark.reaches(cell.device(), cell.modelFormat());
        // The read buffer on 2 MiB pages where the kernel gives them (transparent huge pages): on 4 KiB pages the
        // hardware prefetcher stops at every page and the same loop read 17.5 GB/s against 28.7 (the C loop, here).
        return options.include(reads ? "(" + read + ")|(" + matmul + ")" : matmul).warmupIterations(warmupIterations(c, jmh))
                .measurementIterations(measuredIterations(c, jmh)).jvmArgsAppend("-XX:+UseTransparentHugePages");
    }

    private static String exact(Class<?> benchmark, String method) {
        return "^" + benchmark.getName().replace(".", "\\.") + "\\." + method + "$";
    }
}
