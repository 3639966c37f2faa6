package dev.aipcbench.reports.gate;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The performance-regression gate: reads the baseline and current results folders, refuses different
 * hardware unless allowed, pairs cells, and judges every gated metric both sides have. Input problems
 * throw {@link GateInputException} (exit 2); the report's {@link GateReport#exitCode()} gives 0, 1 or 3.
 */
public final class RegressionGate {
    private final GateOptions options;
    private final MetricGate metricGate;

    public RegressionGate(GateOptions options) {
        this.options = options;
        this.metricGate = new MetricGate(options.resamples(), options.confidence(), options.seed());
    }

    /**
     * Reads {@link GateOptions#baselines()} and {@link GateOptions#currents()} and compares them; both sides
     * are read, checked and pooled the same way.
     */
    public GateReport run() {
        return compare(read("--baseline", options.baselines()), read("--current", options.currents()));
    }

    /** Compares runs already in memory, labelled by their run ids. */
    public GateReport compare(List<RunResults> baselines, RunResults current) {
        return compare(labelled(baselines), labelled(List.of(current)));
    }

    private GateReport compare(List<HostFingerprintCheck.LabelledRun> baselines, List<HostFingerprintCheck.LabelledRun> currents) {
        HostFingerprintCheck.LabelledRun first = currents.get(0);
        List<HostFingerprintCheck.LabelledRun> others = new ArrayList<>(baselines);
        others.addAll(currents.subList(1, currents.size()));
        refuseRepeatedRuns(baselines, currents);
        List<String> notes = new ArrayList<>();
        HostFingerprintCheck.check(others, first, options.allowDifferentHardware())
                .ifPresent(d -> notes.add(d + " (compared because --allow-different-hardware was given)"));
        HostFingerprintCheck.LabelledRun current = currents.size() == 1 ? first : new HostFingerprintCheck.LabelledRun(
                String.join(" + ", currents.stream().map(HostFingerprintCheck.LabelledRun::label).toList()),
                PooledRun.of(currents.stream().map(HostFingerprintCheck.LabelledRun::results).toList()));
        for (HostFingerprintCheck.LabelledRun r : baselines) {
            if (!r.results().complete()) {
                notes.add("baseline " + r.label() + " is incomplete (the run ended early); its finished cells are used");
            }
        }
        if (!current.results().complete()) {
            notes.add("current " + current.label() + " is incomplete (the run ended early); cells it did not reach are listed as missing");
        }

        List<RunResults> baseResults = baselines.stream().map(HostFingerprintCheck.LabelledRun::results).toList();
        CellPairing pairing = CellPairing.of(baseResults, current.results());
        List<Comparison> work = new ArrayList<>();
        for (CellPairing.Pair pair : pairing.pairs()) {
            for (String metric : pair.gatedMetrics()) {
                work.add(new Comparison(pair, metric));
            }
        }
        // rows draw from their own seeded streams, so the parallel order cannot change a verdict
        List<GateRow> rows = work.parallelStream().map(this::judge).toList();

        GateSettings settings = new GateSettings(baseResults.stream().map(RegressionGate::runId).toList(),
                runId(current.results()), options.thresholds().defaultPct(), options.confidence(),
                options.resamples(), options.seed());
        return new GateReport(settings, rows, pairing.unmatched(), notes);
    }

    private record Comparison(CellPairing.Pair pair, String metric) {
    }

    private GateRow judge(Comparison c) {
        String id = c.pair().cellId();
        GateRow row = metricGate.compare(id, c.metric(), c.pair().baselineMetrics(c.metric()), c.pair().currentMetric(c.metric()),
                options.thresholds().resolve(id, c.metric()));
        // A cell whose every fork (reruns included) was disturbed by other work measured the neighbour, not
        // the build: it decides nothing either way.
        String side = c.pair().current().everyForkDisturbed() ? "current run"
                : c.pair().baselines().stream().allMatch(CellResult::everyForkDisturbed) ? "baseline" : null;
        if (side != null && row.verdict().judged()) {
            CellResult disturbed = side.equals("baseline") ? c.pair().baselines().get(0) : c.pair().current();
            return row.withVerdict(GateVerdict.INCONCLUSIVE, "every fork of the " + side + " was disturbed ("
                    + disturbed.disturbedForks().get(0).evidence() + ")");
        }
        return row;
    }

    // A run pooled twice would count its forks twice and narrow the interval; the current run in the
    // baseline (a glob like results/* that also matches it) would pull the baseline towards it.
    private static void refuseRepeatedRuns(List<HostFingerprintCheck.LabelledRun> baselines,
                                           List<HostFingerprintCheck.LabelledRun> currents) {
        Map<String, String> currentIds = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (HostFingerprintCheck.LabelledRun c : currents) {
            String id = c.results().runId();
            if (id != null && currentIds.putIfAbsent(id, c.label()) != null) {
                throw new GateInputException("--current " + c.label() + ": run id " + id
                        + " is given more than once; each current run may be pooled once");
            }
        }
        for (HostFingerprintCheck.LabelledRun b : baselines) {
            String id = b.results().runId();
            if (id == null) {
                continue;
            }
            if (currentIds.containsKey(id)) {
                throw new GateInputException("--baseline " + b.label() + " is the current run " + currentIds.get(id)
                        + " (run id " + id + "); a run cannot be its own baseline");
            }
            if (!seen.add(id)) {
                throw new GateInputException("--baseline " + b.label() + ": run id " + id
                        + " is given more than once; each baseline run may be pooled once");
            }
        }
    }

    private static String runId(RunResults r) {
        return r.runId() != null ? r.runId() : "(no run id)";
    }

    private static List<HostFingerprintCheck.LabelledRun> labelled(List<RunResults> runs) {
        return runs.stream().map(r -> new HostFingerprintCheck.LabelledRun(runId(r), r)).toList();
    }

    private static List<HostFingerprintCheck.LabelledRun> read(String flag, List<Path> folders) {
        List<HostFingerprintCheck.LabelledRun> runs = new ArrayList<>();
        for (Path folder : folders) {
            try {
                runs.add(new HostFingerprintCheck.LabelledRun(folder.toString(), ResultsFolder.read(folder)));
            } catch (IllegalArgumentException e) {
                throw new GateInputException(flag + " " + e.getMessage(), e);
            }
        }
        return runs;
    }
}
