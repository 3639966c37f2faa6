package dev.aipcbench.reports.gate;

import dev.aipcbench.harness.result.ResultsFolder;
import dev.aipcbench.harness.result.RunResults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The performance-regression gate: reads the baseline and current results folders, refuses different
 * hardware unless allowed, pairs cells, and judges every gated metric both sides have. Input problems
 * throw {@link GateInputException} (exit 2); the report's {@link GateReport#exitCode()} gives 0 or 1.
 */
public final class RegressionGate {
    private final GateOptions options;
    private final MetricGate metricGate;

    public RegressionGate(GateOptions options) {
        this.options = options;
        this.metricGate = new MetricGate(options.resamples(), options.confidence(), options.seed());
    }

    /** Reads {@link GateOptions#baselines()} and {@link GateOptions#current()} and compares them. */
    public GateReport run() {
        List<HostFingerprintCheck.LabelledRun> baselines = new ArrayList<>();
        for (Path p : options.baselines()) {
            baselines.add(new HostFingerprintCheck.LabelledRun(p.toString(), read("--baseline", p)));
        }
        return compare(baselines, new HostFingerprintCheck.LabelledRun(options.current().toString(),
                read("--current", options.current())));
    }

    /** Compares runs already in memory, labelled by their run ids. */
    public GateReport compare(List<RunResults> baselines, RunResults current) {
        return compare(baselines.stream().map(r -> new HostFingerprintCheck.LabelledRun(r.runId(), r)).toList(),
                new HostFingerprintCheck.LabelledRun(current.runId(), current));
    }

    private GateReport compare(List<HostFingerprintCheck.LabelledRun> baselines, HostFingerprintCheck.LabelledRun current) {
        List<String> notes = new ArrayList<>();
        HostFingerprintCheck.check(baselines, current, options.allowDifferentHardware())
                .ifPresent(d -> notes.add(d + " (compared because --allow-different-hardware was given)"));
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

        GateSettings settings = new GateSettings(baseResults.stream().map(RunResults::runId).toList(),
                current.results().runId(), options.thresholds().defaultPct(), options.confidence(),
                options.resamples(), options.seed());
        return new GateReport(settings, rows, pairing.unmatched(), notes);
    }

    private record Comparison(CellPairing.Pair pair, String metric) {
    }

    private GateRow judge(Comparison c) {
        String id = c.pair().cellId();
        return metricGate.compare(id, c.metric(), c.pair().baselineMetrics(c.metric()), c.pair().currentMetric(c.metric()),
                options.thresholds().resolve(id, c.metric()));
    }

    private static RunResults read(String flag, Path folder) {
        try {
            return ResultsFolder.read(folder);
        } catch (IllegalArgumentException e) {
            throw new GateInputException(flag + " " + e.getMessage(), e);
        }
    }
}
