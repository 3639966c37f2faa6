package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.jmh.CellMetricsProfiler;
import dev.aipcbench.benchmarks.jmh.CellSpec;
import dev.aipcbench.benchmarks.jmh.ForkRecord;
import dev.aipcbench.benchmarks.jmh.GenerateBenchmark;
import dev.aipcbench.benchmarks.jmh.KvCapacity;
import dev.aipcbench.harness.matrix.PlannedCell;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.harness.model.catalog.ModelCache;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.telemetry.CellEnergy;
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

    CellRunner(Profile profile, ModelCache cache, Path resultsDir, CellTelemetry telemetry, java.io.PrintStream console) throws IOException {
        this.console = console;
        this.profile = profile;
        this.cache = cache;
        this.logs = Files.createDirectories(resultsDir.resolve("logs"));
        this.telemetry = telemetry;
    }

    CellResult run(PlannedCell cell, Progress modelProgress) {
        String started = Instant.now().toString();
        long t0 = System.nanoTime();
        Availability a = cell.availability();
        if (!a.isAvailable()) {
            CellStatus status = a.kind() == Availability.Kind.UNSUPPORTED ? CellStatus.UNSUPPORTED : CellStatus.SKIPPED;
            return result(cell, null, status, a.reason(), null, started, t0, null, null, null, null, null, null);
        }
        Path model;
        try {
            model = cell.folder() != null ? cell.folder() : cache.synthetic(cell.synthetic(), modelProgress);
        } catch (IOException | RuntimeException e) {
            return result(cell, null, CellStatus.FAILED, "model preparation failed: " + e.getMessage(), null, started, t0,
                    null, null, null, null, null, null);
        }
        String key = cell.id().replace('/', '_');
        Path log = logs.resolve(key + ".log");
        Path cellJson = logs.resolve(key + ".jmh.json");
        Path specFile = logs.resolve(key + ".cell.json");
        Path forkDir = logs.resolve(key + ".forks");
        String failure = null;
        try {
            ModelCache.deleteRecursively(forkDir);
            spec(cell, model, forkDir).write(specFile);
        } catch (IOException e) {
            return result(cell, model, CellStatus.FAILED, "cannot write the cell's spec " + specFile + ": " + e.getMessage(), null,
                    started, t0, null, null, null, null, null, null);
        }
        AutoCloseable measuring;
        try {
            measuring = MeasurementLock.acquire(console);
        } catch (IOException e) {
            return result(cell, model, CellStatus.FAILED, "cannot take the measurement lock: " + e.getMessage(), null, started, t0,
                    null, null, null, null, null, null);
        }
        CellTelemetry.Recording recording = telemetry.start(cell);
        ForkWatchdog watchdog = new ForkWatchdog(TimeUnit.MINUTES.toMillis(profile.jmh().timeoutMinutes()));
        ForkRecords forks = null;
        int attempts = 0;
        try (measuring) {
            failure = runForks(cell, specFile, profile.jmh().forks(), log, cellJson, watchdog);
            forks = ForkRecords.read(forkDir, profile.interference());
            // Disturbed forks are run again (bounded) until the cell has its forks undisturbed.
            while (failure == null && forks.disturbed() > 0 && forks.clean() < profile.jmh().forks()
                    && attempts < profile.interference().reruns()) {
                attempts++;
                int missing = profile.jmh().forks() - forks.clean();
                console.printf("  %d fork%s disturbed (%s); running %d again%n", forks.disturbed(), forks.disturbed() == 1 ? "" : "s",
                        forks.judged().stream().filter(CellResult.Fork::disturbed).map(CellResult.Fork::evidence).reduce((a, b) -> b).orElse(""),
                        missing);
                failure = runForks(cell, specFile, missing, logs.resolve(key + ".rerun" + attempts + ".log"),
                        logs.resolve(key + ".rerun" + attempts + ".jmh.json"), watchdog);
                forks = ForkRecords.read(forkDir, profile.interference());
            }
        } catch (Exception e) {
            failure = failure != null ? failure : firstLine(e);
        } finally {
            watchdog.close();
        }
        Map<String, Metric> measured = forks != null && failure == null ? forks.metrics() : Map.of();
        if (failure == null && measured.isEmpty()) {
            failure = "no fork recorded a measurement";
        }
        long tokens = failure == null ? tokensInCell(cell.workload(), forks.judged().size()) : 0;
        TelemetryResult telemetryResult = recording.stop(tokens);
        Map<String, String> session = forks == null ? null : forks.session();
        if (failure != null) {
            // What the fork said it died of beats JMH's "had encountered error"; a native crash leaves only its log.
            String cause = forks != null && forks.failure() != null ? forks.failure() : LogTail.firstException(log);
            if (cause != null && !watchdog.fired()) {
                failure = cause;
            }
            return result(cell, model, CellStatus.FAILED, failure, LogTail.read(log, STDERR_TAIL_LINES), started, t0,
                    session, null, null, telemetryResult, null, forks == null ? null : forks.judged());
        }
        Map<String, Metric> all = new LinkedHashMap<>(measured);
        CellEnergy.joules(telemetryResult).ifPresent(joules -> {
            all.put(MetricCatalog.ENERGY_J.name(), Metric.of(MetricCatalog.ENERGY_J.unit(), MetricCatalog.ENERGY_J.better(), List.of(List.of(joules))));
            if (tokens > 0) {
                all.put(MetricCatalog.ENERGY_J_PER_TOKEN.name(), Metric.of(MetricCatalog.ENERGY_J_PER_TOKEN.unit(),
                        MetricCatalog.ENERGY_J_PER_TOKEN.better(), List.of(List.of(joules / tokens))));
            }
        });
        ForkRecord.Probe probe = forks.probe();
        CellResult.Output output = probe == null ? null : new CellResult.Output(probe.prompt(), probe.tokens(), probe.logitsFile(), null);
        return result(cell, model, CellStatus.OK, null, null, started, t0, session, all, forks.tokenLatencies(), telemetryResult, output, forks == null ? null : forks.judged());
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
    private CellSpec spec(PlannedCell cell, Path model, Path forkDir) {
        Profile.Session s = profile.session();
        return new CellSpec(cell.id(), cell.runtime(), cell.device().id(), model.toAbsolutePath().toString(), cell.workload(), s.threads(),
                s.optimization(), s.sampling(), profile.providerOptions(cell.device()), KvCapacity.of(cell.workload()),
                forkDir.toAbsolutePath().toString(), logs.getParent().resolve(GenerateBenchmark.OUTPUTS).toAbsolutePath().toString());
    }

    /**
     * Tokens generated over the whole cell (every fork, warm-up included): the denominator of the
     * telemetry's energy per token, whose numerator also spans the whole cell.
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
                .jvmArgs(forkJvmArgs(specFile))
                .output(log.toString())
                .result(cellJson.toString())
                .resultFormat(ResultFormatType.JSON);
        return JmhPlan.apply(o, cell.workload(), profile.jmh()).build();
    }

    /**
     * Fork JVMs: room for large KV caches in direct memory; 16 MiB thread stacks, because ONNX Runtime
     * runs part of each inference on JMH's worker thread and overflows a default 1 MiB stack on long
     * prompts (SIGSEGV, no hs_err); headless; the cell's spec.
     */
    private static String[] forkJvmArgs(Path specFile) {
        return new String[] {"-Xms256m", "-Xmx2g", "-Xss16m", "-XX:MaxDirectMemorySize=64g", "-Djava.awt.headless=true",
                "-D" + CellSpec.PROPERTY + "=" + specFile.toAbsolutePath()};
    }

    private CellResult result(PlannedCell cell, Path model, CellStatus status, String reason, String stderrTail,
                              String started, long t0, Map<String, String> session, Map<String, Metric> metrics,
                              List<List<List<Double>>> tokens, TelemetryResult telemetryResult, CellResult.Output output,
                              List<CellResult.Fork> forks) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("threads", profile.session().threads());
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
                session, metrics, tokens, telemetryResult, output, forks);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
