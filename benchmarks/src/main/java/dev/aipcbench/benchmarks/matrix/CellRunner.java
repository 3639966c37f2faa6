package dev.aipcbench.benchmarks.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aipcbench.benchmarks.jmh.CellMeasurements;
import dev.aipcbench.benchmarks.jmh.CellMetricsProfiler;
import dev.aipcbench.benchmarks.jmh.CellParameters;
import dev.aipcbench.benchmarks.jmh.DecodeBenchmark;
import dev.aipcbench.benchmarks.jmh.GenerateBenchmark;
import dev.aipcbench.benchmarks.jmh.LoadBenchmark;
import dev.aipcbench.benchmarks.jmh.PrefillBenchmark;
import dev.aipcbench.harness.matrix.PlannedCell;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.harness.model.ModelCache;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricNames;
import dev.aipcbench.harness.telemetry.CellEnergy;
import dev.aipcbench.results.TelemetryResult;
import dev.aipcbench.results.Workload;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.SessionInfo;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
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

    CellRunner(Profile profile, ModelCache cache, Path resultsDir, CellTelemetry telemetry) throws IOException {
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
            return result(cell, null, status, a.reason(), null, started, t0, null, null, null, null);
        }
        Path model;
        try {
            model = cell.folder() != null ? cell.folder() : cache.synthetic(cell.synthetic(), modelProgress);
        } catch (IOException | RuntimeException e) {
            return result(cell, null, CellStatus.FAILED, "model preparation failed: " + e.getMessage(), null, started, t0,
                    null, null, null, null);
        }
        String key = cell.id().replace('/', '_');
        Path log = logs.resolve(key + ".log");
        Path cellJson = logs.resolve(key + ".jmh.json");
        Path sessionFile = logs.resolve(key + ".session.json");
        CellTelemetry.Recording recording = telemetry.start(cell);
        List<RunResult> runs = new ArrayList<>();
        String failure = null;
        ForkWatchdog watchdog = new ForkWatchdog(TimeUnit.MINUTES.toMillis(profile.jmh().timeoutMinutes()));
        try {
            runs.addAll(new Runner(options(cell, model, log, cellJson, sessionFile)).run());
            if (runs.isEmpty() || runs.stream().allMatch(r -> r.getBenchmarkResults().isEmpty())) {
                failure = "JMH produced no results";
            }
        } catch (RunnerException | RuntimeException e) {
            failure = watchdog.fired() ? "timed out after " + profile.jmh().timeoutMinutes() + " min (jmh.timeout_minutes); fork killed"
                    : firstLine(e);
        } finally {
            watchdog.close();
        }
        JmhMetrics metrics = failure == null ? new JmhMetrics(runs) : null;
        long tokens = metrics != null ? tokensInCell(cell.workload()) : 0;
        TelemetryResult telemetryResult = recording.stop(tokens);
        try {
            JmhJsonFile.append(logs.getParent().resolve(dev.aipcbench.results.ResultsFolder.JMH_JSON), cellJson, telemetryResult);
        } catch (IOException e) {
            failure = failure != null ? failure : "cannot merge jmh.json: " + e.getMessage();
        }
        if (failure != null) {
            String cause = LogTail.firstException(log);
            if (cause != null && !watchdog.fired()) {
                failure = cause;
            }
            return result(cell, model, CellStatus.FAILED, failure, LogTail.read(log, STDERR_TAIL_LINES), started, t0,
                    session(sessionFile), null, null, telemetryResult);
        }
        Map<String, Metric> all = new LinkedHashMap<>(metrics.metrics());
        CellEnergy.joules(telemetryResult).ifPresent(joules -> {
            all.put(MetricNames.ENERGY_J, Metric.of("J", Metric.Better.LOWER, List.of(List.of(joules))));
            if (tokens > 0) {
                all.put(MetricNames.ENERGY_J_PER_TOKEN, Metric.of("J/token", Metric.Better.LOWER, List.of(List.of(joules / tokens))));
            }
        });
        return result(cell, model, CellStatus.OK, null, null, started, t0, session(sessionFile), all,
                metrics.tokenLatencies(), telemetryResult);
    }

    /**
     * Tokens generated over the whole cell (every fork, warm-up included): the denominator of the
     * telemetry's energy per token, whose numerator also spans the whole cell.
     */
    private long tokensInCell(Workload w) {
        int perShot;
        int iterations = profile.jmh().warmupIterations() + profile.jmh().iterations();
        switch (w.kind()) {
            case Workload.GENERATE: perShot = w.genTokens(); break;
            case Workload.PREFILL: perShot = 1; break;
            case Workload.DECODE:
                perShot = 1;
                iterations = profile.jmh().warmupIterations() + profile.jmh().decodeIterations();
                break;
            default: return 0;
        }
        return (long) perShot * iterations * profile.jmh().forks();
    }

    private org.openjdk.jmh.runner.options.Options options(PlannedCell cell, Path model, Path log, Path cellJson, Path sessionFile) {
        Workload w = cell.workload();
        ChainedOptionsBuilder o = new OptionsBuilder()
                .param("runtime", cell.runtime())
                .param("device", cell.device().id())
                .param("model", model.toAbsolutePath().toString())
                .param("threads", Integer.toString(profile.session().threads()))
                .param("optimization", profile.session().optimization())
                .param("sampling", profile.session().sampling())
                .param("providerOptions", CellParameters.encodeOptions(profile.providerOptions().getOrDefault(cell.device(), Map.of())))
                .forks(profile.jmh().forks())
                .warmupIterations(profile.jmh().warmupIterations())
                .measurementIterations(profile.jmh().iterations())
                .warmupBatchSize(1)
                .measurementBatchSize(1)
                .timeout(TimeValue.minutes(profile.jmh().timeoutMinutes()))
                .addProfiler(CellMetricsProfiler.class)
                .shouldFailOnError(true)
                .jvmArgs(forkJvmArgs(sessionFile))
                .output(log.toString())
                .result(cellJson.toString())
                .resultFormat(ResultFormatType.JSON);
        switch (w.kind()) {
            case Workload.GENERATE:
                o.include(exact(GenerateBenchmark.class, "generate"))
                        .param("promptTokens", w.promptTokens().toString())
                        .param("genTokens", w.genTokens().toString())
                        .param("maxSequenceLength", Integer.toString(w.promptTokens() + w.genTokens()));
                break;
            case Workload.PREFILL:
                o.include(exact(PrefillBenchmark.class, "prefill"))
                        .param("promptTokens", w.promptTokens().toString())
                        .param("maxSequenceLength", w.promptTokens().toString());
                break;
            case Workload.DECODE:
                o.include(exact(DecodeBenchmark.class, "decode"))
                        .param("contextDepth", w.contextDepth().toString())
                        .param("maxSequenceLength", Integer.toString(w.contextDepth() + 1))
                        .measurementIterations(profile.jmh().decodeIterations());
                break;
            case Workload.LOAD:
                // No warm-up: the first shot in each fork must find nothing compiled or cached.
                o.include(exact(LoadBenchmark.class, "(cold|warm)"))
                        .param("maxSequenceLength", "256")
                        .warmupIterations(0);
                break;
            default:
                throw new IllegalStateException("workload " + w.kind());
        }
        return o.build();
    }

    private static String exact(Class<?> benchmark, String method) {
        return "^" + benchmark.getName().replace(".", "\\.") + "\\." + method + "$";
    }

    /**
     * Fork JVMs: room for large KV caches in direct memory; 16 MiB thread stacks, because ONNX Runtime
     * runs part of each inference on JMH's worker thread and overflows a default 1 MiB stack on long
     * prompts (SIGSEGV, no hs_err); headless; the session file.
     */
    private static String[] forkJvmArgs(Path sessionFile) {
        return new String[] {"-Xms256m", "-Xmx2g", "-Xss16m", "-XX:MaxDirectMemorySize=64g", "-Djava.awt.headless=true",
                "-D" + CellMeasurements.SESSION_INFO_PROPERTY + "=" + sessionFile.toAbsolutePath()};
    }

    private static Map<String, String> session(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            SessionInfo s = new ObjectMapper().readValue(file.toFile(), SessionInfo.class);
            Map<String, String> out = new LinkedHashMap<>();
            out.put("runtime_version", s.runtimeVersion());
            out.put("provider", s.provider());
            out.put("io_type", s.ioType());
            out.put("kv_cache", s.kvCache());
            if (s.details() != null) {
                out.putAll(s.details());
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    private CellResult result(PlannedCell cell, Path model, CellStatus status, String reason, String stderrTail,
                              String started, long t0, Map<String, String> session, Map<String, Metric> metrics,
                              List<List<List<Double>>> tokens, TelemetryResult telemetryResult) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("threads", profile.session().threads());
        settings.put("sampling", profile.session().sampling());
        settings.put("forks", profile.jmh().forks());
        settings.put("warmup_iterations", cell.workload().kind().equals(Workload.LOAD) ? 0 : profile.jmh().warmupIterations());
        settings.put("iterations", cell.workload().kind().equals(Workload.DECODE) ? profile.jmh().decodeIterations() : profile.jmh().iterations());
        Long parameters = null;
        String origin = cell.folder() != null ? "folder" : "synthetic";
        if (model != null) {
            parameters = ModelManifest.read(model).map(ModelManifest::parameters).orElse(null);
        }
        CellResult.ModelRef ref = new CellResult.ModelRef(cell.modelName(), model != null ? model.toAbsolutePath().toString() : null,
                origin, cell.synthetic() != null ? cell.synthetic().size() : null, parameters);
        return new CellResult(cell.id(), cell.runtime(), cell.device().id(), cell.precision().id(), cell.workload(), ref,
                settings, status, reason, stderrTail, started, Instant.now().toString(), (System.nanoTime() - t0) / 1e9,
                session, metrics, tokens, telemetryResult);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
