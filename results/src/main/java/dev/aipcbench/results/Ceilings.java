package dev.aipcbench.results;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The measured ceilings of a run's devices, read from its {@link Workload.Characterise} cells: what a token
 * cell is placed against (the roofline). A token cell with T threads meets the ceilings measured with T
 * threads on its device (0 threads, or no such cell: the highest measured there); the matmul ceilings are
 * its precision's, through its own runtime where characterised, else the best other runtime's on that
 * device (said in {@link Ceiling#runtime}).
 */
public final class Ceilings {
    private final List<CellResult> characterised;

    private Ceilings(List<CellResult> characterised) {
        this.characterised = characterised;
    }

    /** The ceilings of a run: its ok characterise cells. */
    public static Ceilings of(List<CellResult> cells) {
        return new Ceilings(cells.stream().filter(CellResult::ok).filter(c -> c.workload() instanceof Workload.Characterise).toList());
    }

    public boolean isEmpty() {
        return characterised.isEmpty();
    }

    /** The characterise cells, as measured. */
    public List<CellResult> cells() {
        return characterised;
    }

    /** One ceiling: its median, and the cell it was measured in. */
    public record Ceiling(double median, String unit, String runtime, int threads, String cellId) {
    }

    /** The device's read bandwidth with {@code threads} threads (0: the highest measured on it). */
    public Optional<Ceiling> readBandwidth(String device, int threads) {
        return best(MetricCatalog.READ_GB_S, device, null, null, threads);
    }

    /** The M=1 matmul ceiling of a precision on a device, through {@code runtime} where measured. */
    public Optional<Ceiling> matmulM1(String device, String precision, String runtime, int threads) {
        return best(MetricCatalog.MATMUL_M1_GB_S, device, precision, runtime, threads);
    }

    /** The M=512 matmul ceiling of a precision on a device, through {@code runtime} where measured. */
    public Optional<Ceiling> matmulM512(String device, String precision, String runtime, int threads) {
        return best(MetricCatalog.MATMUL_M512_GFLOP_S, device, precision, runtime, threads);
    }

    private Optional<Ceiling> best(MetricDefinition metric, String device, String precision, String runtime, int threads) {
        List<CellResult> onDevice = characterised.stream().filter(c -> c.device().equals(device))
                .filter(c -> precision == null || c.precision().equals(precision))
                .filter(c -> median(c, metric).isPresent()).toList();
        List<CellResult> sameThreads = threads <= 0 ? onDevice
                : onDevice.stream().filter(c -> ((Workload.Characterise) c.workload()).threads() == threads).toList();
        List<CellResult> pool = sameThreads.isEmpty() ? onDevice : sameThreads;
        if (runtime != null && pool.stream().anyMatch(c -> c.runtime().equals(runtime))) {
            pool = pool.stream().filter(c -> c.runtime().equals(runtime)).toList();
        }
        return pool.stream().max(Comparator.comparingDouble(c -> median(c, metric).getAsDouble()))
                .map(c -> new Ceiling(median(c, metric).getAsDouble(), metric.unit(), c.runtime(),
                        ((Workload.Characterise) c.workload()).threads(), c.id()));
    }

    private static OptionalDouble median(CellResult c, MetricDefinition metric) {
        Metric m = c.metrics() == null ? null : c.metrics().get(metric.name());
        return m == null || m.summary() == null ? OptionalDouble.empty() : OptionalDouble.of(m.summary().median());
    }
}
