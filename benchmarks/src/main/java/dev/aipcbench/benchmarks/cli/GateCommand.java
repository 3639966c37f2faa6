package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.harness.matrix.ProfileReader;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.reports.gate.DetectableSlowdown;
import dev.aipcbench.reports.gate.GateInputException;
import dev.aipcbench.reports.gate.GateOptions;
import dev.aipcbench.reports.gate.GateOutputFolder;
import dev.aipcbench.reports.gate.GateReport;
import dev.aipcbench.reports.gate.GateThresholds;
import dev.aipcbench.reports.gate.GateVerdict;
import dev.aipcbench.reports.gate.PooledRun;
import dev.aipcbench.reports.gate.RegressionGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code run-bench gate}: compare a run with baseline runs of the same machine and fail on statistically
 * and practically significant regressions. Exit 0 pass, 1 regression, 2 usage or input error, 3 nothing judged
 * ({@link GateReport#EXIT_INCONCLUSIVE}). It only parses flags: {@link RegressionGate} reads, checks and pools both sides.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Regression gate: per cell and metric, a hierarchical-bootstrap CI of the ratio of medians (current/baseline)",
                "must exclude 1 AND the change must pass the threshold. Writes gate.md and gate.xml (JUnit).",
                "A row whose run-to-run noise (fork-to-fork spread) is above its threshold is inconclusive unless the change is beyond the noise.",
                "Exit 0 pass, 1 regression or newly failed cell, 2 usage or input error, 3 nothing judged (no comparable row, or only inconclusive ones)."})
final class GateCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    @Option(names = "--baseline", arity = "1..*", description = "Baseline results folder(s), pooled.")
    List<Path> baselines;

    @Option(names = "--history", paramLabel = "URL", arity = "0..1", fallbackValue = "",
            description = {"Instead of --baseline: the last --last runs of this machine in the history store (--history alone:",
                    "the default SQLite file), with change points over them; writes changepoints.md too."})
    String history;

    @Option(names = "--last", defaultValue = "10", description = "With --history: how many earlier runs to gate against (default ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--current", required = true, arity = "1..*",
            description = "Current results folder(s); several are pooled like baselines (take them in turns with baseline runs).")
    List<Path> currents;

    @Option(names = "--out", description = "Where gate.md and gate.xml go (default CURRENT/gate).")
    Path out;

    @Option(names = "--threshold", description = "Practical threshold for every metric, e.g. 5%% (default: the profile's thresholds, else 5%%).")
    String threshold;

    @Option(names = "--confidence", defaultValue = "0.95", description = "Confidence of the interval (default ${DEFAULT-VALUE}).")
    String confidence;

    @Option(names = "--thresholds-from", description = "Take thresholds from this profile (name or file) instead of the current run's own profile.")
    String thresholdsFrom;

    @Option(names = "--allow-different-hardware", description = "Compare runs of different host fingerprints.")
    boolean allowDifferentHardware;

    @Option(names = "--resamples", defaultValue = "5000", description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "42", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sensitivity", description = {"Also find, per cell and metric, the smallest slowdown this gate would catch",
            "with these runs' sample counts (the current run made 1%%, 2%%, ... worse); writes sensitivity.md.",
            "Run it on an A/A pair to size a profile's forks and iterations."})
    boolean sensitivity;

    @Override
    public Integer call() throws java.io.IOException {
        if (history != null) {
            return new HistoryGateRun(this).call();
        }
        if (baselines == null) {
            System.err.println("run-bench: --baseline DIR [DIR ...] or --history URL: the runs to gate against are needed");
            return GateInputException.EXIT_CODE;
        }
        try {
            GateOptions o = GateOptions.of(baselines, currents)
                    .withThresholds(thresholds())
                    .withConfidence(GateOptions.parseConfidence(confidence))
                    .withAllowDifferentHardware(allowDifferentHardware)
                    .withResamples(resamples)
                    .withSeed(seed)
                    .withOut(out);
            if (threshold != null) {
                o = o.withThreshold(threshold);
            }
            GateReport report = new RegressionGate(o).run();
            GateOutputFolder folder = new GateOutputFolder(o.out());
            folder.write(report);
            System.err.println(report.consoleLine() + "; " + folder.markdown() + ", " + folder.junitXml());
            if (sensitivity) {
                writeSensitivity(o, folder.markdown().resolveSibling("sensitivity.md"));
            }
            report.rows(GateVerdict.REGRESSION).forEach(r -> System.err.printf("REGRESSION %s %s: %.4g -> %.4g %s (%+.1f%% worse, CI of ratio [%.3f, %.3f])%n",
                    r.cellId(), r.metric(), r.baselineMedian(), r.currentMedian(), r.unit(), r.worsePct(), r.ciLow(), r.ciHigh()));
            return report.exitCode();
        } catch (GateInputException e) {
            System.err.println("run-bench: " + e.getMessage());
            return GateInputException.EXIT_CODE;
        }
    }

    private static List<RunResults> readAll(String flag, List<Path> folders) {
        List<RunResults> runs = new java.util.ArrayList<>();
        for (Path f : folders) {
            try {
                runs.add(ResultsFolder.read(f));
            } catch (IllegalArgumentException e) {
                throw new GateInputException(flag + " " + e.getMessage());
            }
        }
        return runs;
    }

    private void writeSensitivity(GateOptions o, Path file) throws java.io.IOException {
        List<RunResults> base = readAll("--baseline", baselines);
        StringBuilder md = new StringBuilder("# Smallest slowdown the gate catches\n\n| cell | metric | threshold | smallest caught |\n|---|---|---|---|\n");
        for (DetectableSlowdown.Sensitivity s : DetectableSlowdown.of(o).of(base, PooledRun.of(readAll("--current", currents)), o.thresholds())) {
            String caught = s.slowdownPct().isPresent() ? String.format("%.0f%%", s.slowdownPct().getAsDouble()) : "none up to 3x";
            md.append(String.format("| `%s` | %s | %.0f%% | %s |%n", s.cellId(), s.metric(), s.thresholdPct(), caught));
        }
        ResultsFolder.writeAtomically(file, md.toString());
        System.err.println("sensitivity: " + file);
    }

    /** The thresholds of --thresholds-from, else of the current run's own profile, else the defaults. */
    GateThresholds thresholds() {
        try {
            if (thresholdsFrom != null) {
                ProfileReader.Layer layer = new ProfileReader(List.of(Path.of("profiles"))).layer(thresholdsFrom);
                return layer.json().has("thresholds") ? GateThresholds.fromJson(layer.json().get("thresholds")) : GateThresholds.defaults();
            }
            RunResults run = ResultsFolder.read(currents.get(0));
            return run.profile() != null ? GateThresholds.fromProfile(run.profile()) : GateThresholds.defaults();
        } catch (IllegalArgumentException e) {
            throw new GateInputException("--current " + e.getMessage());
        }
    }
}
