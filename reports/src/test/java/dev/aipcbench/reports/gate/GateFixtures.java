package dev.aipcbench.reports.gate;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.HostInfo;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.Workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Generated results with known properties for the gate's tests. */
final class GateFixtures {
    static final String FINGERPRINT = "sha256:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final String CPU_CELL = CellResult.id("onnxruntime", "cpu", "int4", new Workload.Generate(128, 32));
    static final String NPU_CELL = CellResult.id("onnxruntime", "npu", "int4", new Workload.Generate(128, 32));
    static final String GPU_CELL = CellResult.id("onnxruntime", "igpu", "fp16", new Workload.Generate(128, 32));

    private GateFixtures() {
    }

    /** {@code forks x iterations} samples around {@code mean}, each iteration with relative noise {@code cv}. */
    static double[][] noisy(Random rng, int forks, int iterations, double mean, double cv) {
        return noisy(rng, forks, iterations, mean, cv, 0);
    }

    /** As above, each fork also shifted by its own relative offset of spread {@code forkCv} (process-to-process). */
    static double[][] noisy(Random rng, int forks, int iterations, double mean, double cv, double forkCv) {
        double[][] s = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double forkMean = mean * (1 + forkCv * rng.nextGaussian());
            for (int i = 0; i < iterations; i++) {
                s[f][i] = forkMean * (1 + cv * rng.nextGaussian());
            }
        }
        return s;
    }

    static double[][] constant(int forks, int iterations, double value) {
        double[][] s = new double[forks][iterations];
        for (double[] f : s) {
            java.util.Arrays.fill(f, value);
        }
        return s;
    }

    /** A metric with the unit and direction its name implies. */
    static Metric metric(String name, double[][] samples) {
        List<List<Double>> byFork = new ArrayList<>();
        for (double[] f : samples) {
            List<Double> l = new ArrayList<>();
            for (double v : f) {
                l.add(v);
            }
            byFork.add(l);
        }
        return Metric.of(MetricCatalog.unitOf(name), MetricCatalog.betterOf(name), byFork);
    }

    static Map<String, Metric> metrics(Object... nameThenSamples) {
        Map<String, Metric> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSamples.length; i += 2) {
            m.put((String) nameThenSamples[i], metric((String) nameThenSamples[i], (double[][]) nameThenSamples[i + 1]));
        }
        return m;
    }

    static CellResult ok(String id, Map<String, Metric> metrics) {
        return cell(id, CellStatus.OK, null, metrics, "phi3-synthetic");
    }

    static CellResult ok(String id, Map<String, Metric> metrics, String model) {
        return cell(id, CellStatus.OK, null, metrics, model);
    }

    static CellResult notOk(String id, CellStatus status, String reason) {
        return cell(id, status, reason, null, "phi3-synthetic");
    }

    private static CellResult cell(String id, CellStatus status, String reason, Map<String, Metric> metrics, String model) {
        String[] p = id.split("/");
        return new CellResult(id, p[0], p[1], p[2], new Workload.Generate(128, 32),
                new CellResult.ModelRef(model, "/models/" + model, "synthetic", "tiny", 17_700_000L),
                Map.of("forks", 1), status, reason, null, "2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z", 10.0,
                null, metrics, null, null, null, null);
    }

    static RunResults run(String runId, String fingerprint, CellResult... cells) {
        HostInfo host = new HostInfo(fingerprint, "ci-runner", "Linux", "6.8", "amd64",
                new HostInfo.Cpu("Test CPU", "GenuineIntel", 8, 16, 0), 34_359_738_368L, List.of(), null);
        return new RunResults(RunResults.SCHEMA, runId, "2026-01-01T00:00:00Z", "2026-01-01T00:10:00Z", true,
                "0.1.0", "ci", Map.of(), List.of("--matrix", "ci"), host, List.of(), cells.length, List.of(cells), null);
    }

    static RunResults run(String runId, CellResult... cells) {
        return run(runId, FINGERPRINT, cells);
    }
}
