package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.results.Workload;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a benchmark's cell comes from. A matrix cell's forks read the {@link CellSpec} the runner wrote
 * ({@code -Daipcbench.cell=FILE}); these JMH parameters only describe a cell for a benchmark launched by hand
 * ({@code java -cp aipc-bench.jar org.openjdk.jmh.Main DecodeLoopBenchmark -p model=DIR -p threads=2}).
 */
@State(Scope.Benchmark)
public abstract class CellParameters {
    @Param("onnxruntime")
    public String runtime;

    @Param("cpu")
    public String device;

    /** Model folder. */
    @Param("")
    public String model;

    @Param("128")
    public int promptTokens;

    @Param("32")
    public int genTokens;

    @Param("128")
    public int contextDepth;

    @Param("0")
    public int threads;

    @Param("runtime")
    public String sampling;

    /** The workload a hand launch of this benchmark measures, from the parameters above. */
    protected abstract Workload handLaunchWorkload();

    /** The cell: the runner's spec when there is one, else one made from the parameters. */
    CellSpec cell() {
        if (System.getProperty(CellSpec.PROPERTY) != null) {
            return CellSpec.current();
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("JMH parameter 'model' must name a model folder (-p model=DIR), or -D"
                    + CellSpec.PROPERTY + " a cell spec");
        }
        Workload w = handLaunchWorkload();
        return new CellSpec("hand-launched", runtime, device, Path.of(model).toAbsolutePath().toString(), w, threads, "all", sampling,
                Map.of(), KvCapacity.of(w), null, null, null);
    }
}
