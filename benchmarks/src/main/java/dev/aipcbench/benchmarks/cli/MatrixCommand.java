package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.benchmarks.matrix.MatrixRun;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.history.store.HistoryStore;
import dev.aipcbench.harness.matrix.ProfileReader;
import dev.aipcbench.harness.model.catalog.ModelCache;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code run-bench --matrix quick|full [--profile F] [flags]}: resolve the profile (default.json, the
 * preset, the profile, then the flags), plan the cells and run them into a results folder.
 */
@Command(name = MatrixCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Run the benchmark matrix: device x precision x runtime x workload.",
                "Profiles layer: default.json, then --matrix PRESET, then --profile FILE, then these flags."})
final class MatrixCommand implements Callable<Integer> {
    static final String NAME = "matrix";

    @Mixin VerboseOption verbose;
    @Spec CommandSpec spec;

    @Option(names = "--matrix", description = "Preset: quick (a minute on a laptop) or full (every combination the host can run).")
    String matrix;

    @Option(names = "--profile", description = "Profile name (profiles/NAME.json) or file, applied over the preset.")
    String profileName;

    @Option(names = "--out", description = "Results folder (default results/<timestamp>-<host>).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in this results folder, skipping cells that already ended.")
    Path resume;

    @Mixin CellSelectionOptions selection;

    @Option(names = "--prompt-tokens", split = ",", description = "Prompt lengths of the generate workload, and of the prefill workload where the profile plans one, e.g. 128,512,1024.")
    List<Integer> promptTokens;

    @Option(names = "--gen-tokens", description = "Tokens generated per generation.")
    Integer genTokens;

    @Option(names = "--forks", description = "JMH forks per cell.")
    Integer forks;

    @Option(names = "--iterations", description = "Measured iterations per fork.")
    Integer iterations;

    @Option(names = "--warmup", description = "Warm-up iterations per fork.")
    Integer warmup;

    @Option(names = "--interleave", description = {"Run the cells' forks in turns (every cell's first fork, then every cell's second, ...)",
            "so a slow drift of the machine spreads over all cells (jmh.interleave)."})
    boolean interleave;

    @Option(names = "--threads", description = "Intra-op threads per session (0: the runtime's default).")
    Integer threads;

    @Option(names = "--cache-dir", description = "Model cache (default $AIPC_BENCH_CACHE or ~/.cache/aipc-bench/models).")
    Path cacheDir;

    @Option(names = "--no-report", description = "Do not write the report at the end.")
    boolean noReport;

    @Option(names = "--publish", paramLabel = "URL", arity = "0..1", fallbackValue = "",
            description = "When the run ends, publish it to the history store (--publish alone: the default SQLite file).")
    String publish;

    @Option(names = "--strict", description = "Exit 1 when any cell failed.")
    boolean strict;

    @Option(names = "--etw", description = "Capture an ETW trace (DxgKrnl) beside each cell (Windows, elevated).")
    boolean etw;

    @Option(names = "--no-telemetry", description = "Record no device telemetry.")
    boolean noTelemetry;

    @Override
    public Integer call() throws Exception {
        List<String> commandLine = List.copyOf(spec.commandLine().getParseResult().originalArgs());
        ProfileReader reader = new ProfileReader(searchPath());
        List<ProfileReader.Layer> layers = new ArrayList<>();
        String name;
        Path folder;
        if (resume != null) {
            if (matrix != null || profileName != null || hasFlags() || out != null) {
                throw new IllegalArgumentException("--resume continues a run in its own folder with its own profile; give no --out, --matrix,"
                        + " --profile or matrix flags with it");
            }
            MatrixRun.refuseIfInUse(resume, "--resume");
            RunResults earlier = ResultsFolder.read(resume);
            layers.add(storedProfile(earlier, resume));
            name = earlier.profileName();
            folder = resume;
        } else {
            layers.add(reader.layer("default"));
            if (matrix != null) {
                if (!matrix.equals("quick") && !matrix.equals("full")) {
                    throw new IllegalArgumentException("--matrix must be quick or full, got '" + matrix + "' (use --profile for other profiles)");
                }
                layers.add(reader.layer(matrix));
            }
            if (profileName != null) {
                layers.add(reader.layer(profileName));
            }
            layers.add(ProfileReader.checked("command line", flags(ProfileReader.merged(layers))));
            name = profileName != null ? (matrix != null ? matrix + "+" : "") + Path.of(profileName).getFileName().toString().replace(".json", "")
                    : matrix != null ? matrix : "default";
            folder = out != null ? out : Path.of("results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    + "-" + hostName());
        }
        return run(name, layers, folder, resume != null, commandLine, cacheDir, noReport, publish, strict);
    }

    /**
     * Resolves the layers into the run's profile, runs its cells into {@code folder}, writes the report and
     * publishes; the exit code ({@code strict}: 1 when a cell failed). Shared with {@code characterise}, whose
     * cells are cells like any other.
     */
    static int run(String name, List<ProfileReader.Layer> layers, Path folder, boolean resume, List<String> commandLine, Path cacheDir,
                   boolean noReport, String publish, boolean strict) throws Exception {
        ObjectNode merged = ProfileReader.merged(layers);
        Profile profile = ProfileReader.resolve(name, layers);
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = Json.PLAIN.convertValue(merged, Map.class);
        ModelCache cache = cacheDir != null ? new ModelCache(cacheDir) : ModelCache.defaultCache();
        System.err.printf("profile %s (%s)%n", profile.name(), ProfileReader.describe(layers));
        MatrixRun.Outcome outcome = new MatrixRun(profile, resolved, commandLine, RuntimeCatalog.standard(), cache, System.err)
                .run(folder, resume);
        RunResults r = outcome.results();
        Map<CellStatus, Long> counts = r.cells().stream().collect(Collectors.groupingBy(CellResult::status, Collectors.counting()));
        System.err.printf("done: %d cells (%s) in %s%n", r.cells().size(), counts, folder.toAbsolutePath());
        if (!noReport) {
            RunReport.write(folder, System.err);
        }
        if (publish != null) {
            try (HistoryStore store = HistoryStore.open("--publish", publish.isEmpty() ? null : publish, System.getenv())) {
                PublishCommand.publish(store, List.of(folder), System.err);
            }
        }
        System.out.println(folder.toAbsolutePath());
        return strict && counts.getOrDefault(CellStatus.FAILED, 0L) > 0 ? CommandErrors.FAILURE : 0;
    }

    /** A run's own profile as its results.json stored it: the one layer its resume binds (characterise's too). */
    static ProfileReader.Layer storedProfile(RunResults earlier, Path folder) {
        ObjectNode stored = Json.PLAIN.valueToTree(earlier.profile());
        return ProfileReader.checked(folder.resolve(ResultsFolder.RESULTS_JSON) + " (profile)", stored);
    }

    private boolean hasFlags() {
        return selection.given() || promptTokens != null || genTokens != null
                || forks != null || iterations != null || warmup != null || interleave || threads != null || etw || noTelemetry;
    }

    /**
     * The flags as one more profile layer, so they are checked like files and recorded with the run. {@code profile}
     * is what the layers before it merge to: {@code --prompt-tokens} replaces the prefill workload's lengths too
     * where that profile plans prefill cells, and adds none where it does not.
     */
    ObjectNode flags(ObjectNode profile) {
        ObjectMapper m = Json.PLAIN;
        ObjectNode o = m.createObjectNode();
        selection.into(o);
        if (promptTokens != null || genTokens != null) {
            ObjectNode generate = o.putObject("workloads").putObject("generate");
            if (promptTokens != null) {
                ArrayNode a = generate.putArray("prompt_tokens");
                promptTokens.forEach(a::add);
            }
            if (genTokens != null) {
                generate.put("gen_tokens", genTokens);
            }
            if (promptTokens != null && !profile.path("workloads").path("prefill").path("prompt_tokens").isEmpty()) {
                ArrayNode a = ((ObjectNode) o.get("workloads")).putObject("prefill").putArray("prompt_tokens");
                promptTokens.forEach(a::add);
            }
        }
        if (forks != null || iterations != null || warmup != null || interleave) {
            ObjectNode jmh = o.putObject("jmh");
            if (interleave) {
                jmh.put("interleave", true);
            }
            if (forks != null) {
                jmh.put("forks", forks);
            }
            if (iterations != null) {
                jmh.put("iterations", iterations);
            }
            if (warmup != null) {
                jmh.put("warmup_iterations", warmup);
            }
        }
        if (threads != null) {
            o.putObject("session").put("threads", threads);
        }
        if (etw || noTelemetry) {
            ObjectNode t = o.putObject("telemetry");
            if (etw) {
                t.put("etw", true);
            }
            if (noTelemetry) {
                t.put("enabled", false);
            }
        }
        return o;
    }

    /** profiles/ under the working directory and under the suite's home (set by the launchers). */
    static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(Path.of("profiles"));
        String home = System.getenv("AIPC_BENCH_HOME");
        if (home != null && !home.isBlank()) {
            dirs.add(Path.of(home, "profiles"));
        }
        return dirs;
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (Exception e) {
            return "host";
        }
    }
}
