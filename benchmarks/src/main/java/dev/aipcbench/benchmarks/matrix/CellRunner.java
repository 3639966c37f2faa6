package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.jmh.CellMetricsProfiler;
import dev.aipcbench.benchmarks.jmh.CellSpec;
import dev.aipcbench.benchmarks.jmh.ForkRecord;
import dev.aipcbench.benchmarks.jmh.GenerateBenchmark;
import dev.aipcbench.benchmarks.jmh.KvCapacity;
import dev.aipcbench.benchmarks.jmh.ReadBandwidthBenchmark;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.catalog.ProbeGraphs;
import dev.aipcbench.harness.matrix.PlannedCell;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.harness.model.catalog.ModelCache;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.telemetry.CellEnergy;
import dev.aipcbench.harness.telemetry.DeviceActivity;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.TelemetryResult;
import dev.aipcbench.results.Workload;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one planned cell: makes sure its model exists, runs its benchmark in JMH forks (a native
 * crash, an OOM or a hang kills a fork, never the run), and turns what JMH measured into a
 * {@link CellResult}. Whatever happens, it returns a result with exactly one status.
 */
final class CellRunner {
    private static final int STDERR_TAIL_LINES = 30;

    private final Profile profile;
    private final ModelCache cache;
    private final Path logs;
    private final CellTelemetry telemetry;
    private final java.io.PrintStream console;
    private final int physicalCores;

    /** @param physicalCores the host's physical cores: the thread count of {@code session.threads: "physical_cores"} */
    CellRunner(Profile profile, ModelCache cache, Path resultsDir, CellTelemetry telemetry, java.io.PrintStream console,
               int physicalCores) throws IOException {
        this.console = console;
        this.physicalCores = physicalCores;
        this.profile = profile;
        this.cache = cache;
        this.logs = Files.createDirectories(resultsDir.resolve("logs"));
        this.telemetry = telemetry;
    }

    /** Runs the cell from start to end: all its forks, reruns of disturbed ones, its result. */
    CellResult run(PlannedCell cell, Progress modelProgress) {
        Prepared p = prepare(cell, modelProgress);
        if (p.result() != null) {
            return p.result();
        }
        return finish(p.cell(), profile.jmh().forks());
    }

    /**
     * A cell made ready to measure, or the result it ended with before any fork ran (skipped, unsupported,
     * no model). Exactly one of the two is set.
     */
    record Prepared(Measuring cell, CellResult result) {
    }

    /** A cell between its rounds of forks: where its files are, and what went wrong so far. */
    static final class Measuring {
        final PlannedCell cell;
        final Path model;
        final Path log;
        final Path cellJson;
        final Path specFile;
        final Path forkDir;
        final String key;
        final String started;
        final long t0;
        String failure;
        int rounds;

        private Measuring(PlannedCell cell, Path model, Path logs, String started, long t0) {
            this.cell = cell;
            this.model = model;
            this.key = cell.id().replace('/', '_');
            this.log = logs.resolve(key + ".log");
            this.cellJson = logs.resolve(key + ".jmh.json");
            this.specFile = logs.resolve(key + ".cell.json");
            this.forkDir = logs.resolve(key + ".forks");
            this.started = started;
            this.t0 = t0;
        }
    }

    /** Checks the cell can run, makes its model and writes its spec; runs no fork yet. */
    Prepared prepare(PlannedCell cell, Progress modelProgress) {
        String started = Instant.now().toString();
        long t0 = System.nanoTime();
        Availability a = cell.availability();
        if (!a.isAvailable()) {
            CellStatus status = a.kind() == Availability.Kind.UNSUPPORTED ? CellStatus.UNSUPPORTED : CellStatus.SKIPPED;
            return new Prepared(null, result(cell, null, status, a.reason(), null, started, t0, null, null, null, null, null, null));
        }
        Path model;
        Path readGraph = null;
        try {
            if (cell.workload() instanceof Workload.Characterise) {
                // no LLM: the probes' graphs, made from the model's dimensions in the runtime's format
                model = ProbeGraphs.matmul(cache, cell.synthetic());
                if (cell.device() != Device.CPU && ReadBandwidthBenchmark.reaches(cell.device(), cell.modelFormat())) {
                    readGraph = ProbeGraphs.readReduction(cache, cell.modelFormat(), profile.workloads().characterise().bufferMib());
                }
            } else {
                model = cell.folder() != null ? cell.folder() : cache.synthetic(cell.synthetic(), modelProgress);
            }
        } catch (IOException | RuntimeException e) {
            return new Prepared(null, result(cell, null, CellStatus.FAILED, "model preparation failed: " + e.getMessage(), null, started,
                    t0, null, null, null, null, null, null));
        }
        Measuring m = new Measuring(cell, model, logs, started, t0);
        try {
            ModelCache.deleteRecursively(m.forkDir);
            spec(cell, model, readGraph, m.forkDir).write(m.specFile);
        } catch (IOException e) {
            return new Prepared(null, result(cell, model, CellStatus.FAILED, "cannot write the cell's spec " + m.specFile + ": "
                    + e.getMessage(), null, started, t0, null, null, null, null, null, null));
        }
        return new Prepared(m, null);
    }

    /**
     * One early round of an interleaved run ({@code jmh.interleave}): one fork of the cell, its record kept
     * beside the others' for {@link #finish}. Telemetry is not recorded here (other cells' rounds run in
     * between, so a recording spanning the cell would hold their work too).
     */
    void round(Measuring m) {
        if (m.failure != null) {
            return;
        }
        ForkWatchdog watchdog = new ForkWatchdog(TimeUnit.MINUTES.toMillis(profile.jmh().timeoutMinutes()));
        try (AutoCloseable measuring = MeasurementLock.acquire(console)) {
            m.failure = runForks(m.cell, m.specFile, 1, m.log, m.cellJson, watchdog);
            m.rounds++;
        } catch (Exception e) {
            m.failure = m.failure != null ? m.failure : firstLine(e);
        } finally {
            watchdog.close();
        }
    }

    /**
     * The cell's last {@code forks} forks (all of them when not interleaved), with telemetry beside them;
     * disturbed forks run again (bounded) until the cell has {@code jmh.forks} undisturbed ones; then its
     * result from every fork's record.
     */
    CellResult finish(Measuring m, int forks) {
        AutoCloseable measuring;
        try {
            measuring = MeasurementLock.acquire(console);
        } catch (IOException e) {
            return result(m.cell, m.model, CellStatus.FAILED, "cannot take the measurement lock: " + e.getMessage(), null, m.started,
                    m.t0, null, null, null, null, null, null);
        }
        PlannedCell cell = m.cell;
        CellTelemetry.Recording recording = telemetry.start(cell);
        ForkWatchdog watchdog = new ForkWatchdog(TimeUnit.MINUTES.toMillis(profile.jmh().timeoutMinutes()));
        ForkRecords records = null;
        String failure = m.failure;
        int attempts = 0;
        int recorded = 0;
        try (measuring) {
            if (failure == null) {
                failure = runForks(cell, m.specFile, forks, m.log, m.cellJson, watchdog);
                recorded += forks;
            }
            records = ForkRecords.read(m.forkDir, profile.interference());
            // Disturbed forks are run again (bounded) until the cell has its forks undisturbed.
            while (failure == null && records.disturbed() > 0 && records.clean() < profile.jmh().forks()
                    && attempts < profile.interference().reruns()) {
                attempts++;
                int missing = profile.jmh().forks() - records.clean();
                console.printf("  %d fork%s disturbed (%s); running %d again%n", records.disturbed(), records.disturbed() == 1 ? "" : "s",
                        records.judged().stream().filter(CellResult.Fork::disturbed).map(CellResult.Fork::evidence).reduce((a, b) -> b).orElse(""),
                        missing);
                failure = runForks(cell, m.specFile, missing, logs.resolve(m.key + ".rerun" + attempts + ".log"),
                        logs.resolve(m.key + ".rerun" + attempts + ".jmh.json"), watchdog);
                recorded += missing;
                records = ForkRecords.read(m.forkDir, profile.interference());
            }
        } catch (Exception e) {
            failure = failure != null ? failure : firstLine(e);
        } finally {
            watchdog.close();
        }
        ForkRecords forkRecords = records;
        Map<String, Metric> measured = forkRecords != null && failure == null ? forkRecords.metrics() : Map.of();
        if (failure == null && measured.isEmpty()) {
            failure = "no fork recorded a measurement";
        }
        // The recording spans only the forks run here, so its energy is divided by their tokens.
        long tokens = failure == null ? tokensInCell(cell.workload(), recorded) : 0;
        TelemetryResult telemetryResult = recording.stop(tokens);
        Map<String, String> session = forkRecords == null ? null : forkRecords.session();
        List<CellResult.Fork> judged = forkRecords == null ? null : forkRecords.judged();
        if (failure != null) {
            // What the fork said it died of beats JMH's "had encountered error"; a native crash leaves only its log.
            String cause = forkRecords != null && forkRecords.failure() != null ? forkRecords.failure() : LogTail.firstException(m.log);
            if (cause != null && !watchdog.fired()) {
                failure = cause;
            }
            return result(cell, m.model, CellStatus.FAILED, failure, LogTail.read(m.log, STDERR_TAIL_LINES), m.started, m.t0,
                    session, null, null, telemetryResult, null, judged);
        }
        Map<String, Metric> all = new LinkedHashMap<>(measured);
        CellEnergy.joules(telemetryResult).ifPresent(joules -> {
            all.put(MetricCatalog.ENERGY_J.name(), Metric.of(MetricCatalog.ENERGY_J.unit(), MetricCatalog.ENERGY_J.better(), List.of(List.of(joules))));
            if (tokens > 0) {
                all.put(MetricCatalog.ENERGY_J_PER_TOKEN.name(), Metric.of(MetricCatalog.ENERGY_J_PER_TOKEN.unit(),
                        MetricCatalog.ENERGY_J_PER_TOKEN.better(), List.of(List.of(joules / tokens))));
            }
        });
        ForkRecord.Probe probe = forkRecords.probe();
        CellResult.Output output = probe == null ? null : new CellResult.Output(probe.prompt(), probe.tokens(), probe.logitsFile(), null);
        return result(cell, m.model, CellStatus.OK, null, null, m.started, m.t0, session, all, forkRecords.tokenLatencies(), telemetryResult,
                output, judged);
    }

    /**
     * Runs {@code forks} forks of the cell's benchmark with JMH, appending what JMH wrote to the run's jmh.json;
     * returns why they failed, or null.
     */
    private String runForks(PlannedCell cell, Path specFile, int forks, Path log, Path cellJson, ForkWatchdog watchdog) {
        String failure = null;
        try {
            java.util.Collection<RunResult> runs = new Runner(options(cell, specFile, forks, log, cellJson)).run();
            if (runs.isEmpty() || runs.stream().allMatch(r -> r.getBenchmarkResults().isEmpty())) {
                failure = "JMH produced no results";
            }
        } catch (Exception e) {
            failure = watchdog.fired() ? "timed out after " + profile.jmh().timeoutMinutes() + " min (jmh.timeout_minutes); fork killed"
                    : firstLine(e);
        }
        try {
            JmhJsonFile.append(logs.getParent().resolve(ResultsFolder.JMH_JSON), cellJson);
        } catch (IOException e) {
            failure = failure != null ? failure : "cannot merge jmh.json: " + e.getMessage();
        }
        return failure;
    }

    /** What the cell's forks are told: the one file they read (see {@link CellSpec}). */
    private CellSpec spec(PlannedCell cell, Path model, Path readGraph, Path forkDir) {
        Profile.Session s = profile.session();
        CellSpec.Probes probes = cell.workload() instanceof Workload.Characterise
                ? new CellSpec.Probes((long) profile.workloads().characterise().bufferMib() << 20,
                        readGraph == null ? null : readGraph.toAbsolutePath().toString())
                : null;
        return new CellSpec(cell.id(), cell.runtime(), cell.device().id(), model.toAbsolutePath().toString(), cell.workload(), threads(cell),
                s.optimization(), s.sampling(), profile.providerOptions(cell.device()), KvCapacity.of(cell.workload()),
                forkDir.toAbsolutePath().toString(), logs.getParent().resolve(GenerateBenchmark.OUTPUTS).toAbsolutePath().toString(), probes);
    }

    /** The cell's threads: a characterise cell's own count, else the session's. */
    private int threads(PlannedCell cell) {
        return cell.workload() instanceof Workload.Characterise ? ((Workload.Characterise) cell.workload()).threads()
                : profile.session().threadsFor(physicalCores);
    }

    /**
     * Tokens generated by {@code forksRun} forks, warm-up included: the denominator of the telemetry's
     * energy per token, whose numerator spans the same forks.
     */
    private long tokensInCell(Workload w, int forksRun) {
        Profile.Jmh jmh = profile.jmh();
        long shots = (long) JmhPlan.warmupIterations(w, jmh) + JmhPlan.measuredIterations(w, jmh);
        return w.tokensPerShot() * shots * forksRun;
    }

    private org.openjdk.jmh.runner.options.Options options(PlannedCell cell, Path specFile, int forks, Path log, Path cellJson) {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .forks(forks)
                .warmupBatchSize(1)
                .measurementBatchSize(1)
                .timeout(TimeValue.minutes(profile.jmh().timeoutMinutes()))
                .addProfiler(CellMetricsProfiler.class)
                .shouldFailOnError(true)
                .jvmArgs(forkJvmArgs(specFile, heapMib(cell)))
                .output(log.toString())
                .result(cellJson.toString())
                .resultFormat(ResultFormatType.JSON);
        return JmhPlan.apply(o, cell, profile.jmh()).build();
    }

    /** A fork's heap: 2 GiB, or room for a characterise cell's read buffer (held on the heap) and 1 GiB more. */
    private int heapMib(PlannedCell cell) {
        return cell.workload() instanceof Workload.Characterise ? Math.max(2048, profile.workloads().characterise().bufferMib() + 1024) : 2048;
    }

    /**
     * Fork JVMs: room for large KV caches in direct memory; 16 MiB thread stacks, because ONNX Runtime
     * runs part of each inference on JMH's worker thread and overflows a default 1 MiB stack on long
     * prompts (SIGSEGV, no hs_err); headless; the cell's spec.
     */
    private static String[] forkJvmArgs(Path specFile, int heapMib) {
        return new String[] {"-Xms256m", "-Xmx" + heapMib + "m", "-Xss16m", "-XX:MaxDirectMemorySize=64g", "-Djava.awt.headless=true",
                "-D" + CellSpec.PROPERTY + "=" + specFile.toAbsolutePath()};
    }

    private CellResult result(PlannedCell cell, Path model, CellStatus status, String reason, String stderrTail,
                              String started, long t0, Map<String, String> session, Map<String, Metric> metrics,
                              List<List<List<Double>>> tokens, TelemetryResult telemetryResult, CellResult.Output output,
                              List<CellResult.Fork> forks) {
        Map<String, Object> settings = new LinkedHashMap<>();
        Profile.Session s = profile.session();
        int threads = threads(cell);
        settings.put("threads", threads);
        settings.put("threads_from", cell.workload() instanceof Workload.Characterise ? "characterise sweep" : s.threadsSource());
        threadsSeen(threads, forks).ifPresent(seen -> {
            settings.putAll(seen);
            if (seen.containsKey("threads_check")) {
                console.printf("  %s%n", seen.get("threads_check"));
            }
        });
        settings.put("sampling", profile.session().sampling());
        settings.put("forks", profile.jmh().forks());
        settings.put("warmup_iterations", JmhPlan.warmupIterations(cell.workload(), profile.jmh()));
        settings.put("iterations", JmhPlan.measuredIterations(cell.workload(), profile.jmh()));
        Long parameters = null;
        String origin = cell.folder() != null ? "folder" : "synthetic";
        if (model != null) {
            parameters = ModelManifest.read(model).map(ModelManifest::parameters).orElse(null);
        }
        CellResult.ModelRef ref = new CellResult.ModelRef(cell.modelName(), model != null ? model.toAbsolutePath().toString() : null,
                origin, cell.synthetic() != null ? cell.synthetic().size() : null, parameters);
        return new CellResult(cell.id(), cell.runtime(), cell.device().id(), cell.precision().id(), cell.workload(), ref,
                settings, status, reason, stderrTail, started, Instant.now().toString(), (System.nanoTime() - t0) / 1e9,
                session, metrics, tokens, telemetryResult, output, forks, executedOn(cell, session, telemetryResult));
    }

    /** The runtime's word on where the work ran (from what its session reported) and the hardware's, for a cell that ran. */
    private CellResult.ExecutedOn executedOn(PlannedCell cell, Map<String, String> session, TelemetryResult telemetryResult) {
        if (session == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String key : RUNTIME_WORDS) {
            String v = session.get(key);
            if (v != null && !v.isBlank()) {
                words.add(key + " " + v);
            }
        }
        var evidence = DeviceActivity.of(cell.device().id(), telemetryResult);
        String hardware = evidence.map(DeviceActivity.Evidence::describe).orElse(cell.device().id().equals("cpu") ? null
                : "no telemetry of the " + cell.device().id() + "'s busyness");
        boolean suspected = evidence.map(DeviceActivity.Evidence::fallbackSuspected).orElse(false);
        if (suspected) {
            console.printf("  %s%n", hardware);
        }
        return new CellResult.ExecutedOn(words.isEmpty() ? null : String.join("; ", words), hardware, suspected);
    }

    /**
     * Session details that say where a runtime put the work, in the order they are quoted: the provider as
     * set (with the options the suite applied), OpenVINO's EXECUTION_DEVICES, ONNX Runtime's node split,
     * onnxruntime-genai's own device_type, llama.cpp's backends and offloaded layers, the NPU library's backend.
     */
    private static final List<String> RUNTIME_WORDS = List.of("provider", "EXECUTION_DEVICES", "ep_node_assignment", "device",
            "device_type", "ggml_devices", "n_gpu_layers", dev.aipcbench.harness.runtime.npuacceleration.NpuGenerationSession.BACKEND);

    /**
     * What the forks' own CPU time says about the threads: the cores the undisturbed forks kept busy during
     * their timed iterations, and a warning when that is well below the threads asked for (a runtime that
     * ignores its setting, or a pool that idles), so a run that measured half the machine says so.
     */
    private static java.util.Optional<Map<String, Object>> threadsSeen(int threads, List<CellResult.Fork> forks) {
        if (forks == null) {
            return java.util.Optional.empty();
        }
        // the forks whose samples count: the undisturbed ones, or all when none was spared (as the metrics)
        boolean anyClean = forks.stream().anyMatch(f -> !f.disturbed());
        double busy = forks.stream().filter(f -> (!anyClean || !f.disturbed()) && f.forkCores() != null)
                .mapToDouble(CellResult.Fork::forkCores).average().orElse(Double.NaN);
        if (Double.isNaN(busy)) {
            return java.util.Optional.empty();
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("fork_cores_busy", Math.round(busy * 100) / 100.0);
        if (threads > 1 && busy < 0.75 * threads) {
            seen.put("threads_check", String.format(java.util.Locale.ROOT,
                    "asked for %d threads; the fork kept %.2f cores busy while it measured", threads, busy));
        }
        return java.util.Optional.of(seen);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
