package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.history.changepoint.EDivisive;
import dev.aipcbench.history.gate.ChangePointMarkdown;
import dev.aipcbench.history.gate.HistoryGate;
import dev.aipcbench.history.gate.MetricChange;
import dev.aipcbench.history.store.HistoryStore;
import dev.aipcbench.reports.gate.GateInputException;
import dev.aipcbench.reports.gate.GateOptions;
import dev.aipcbench.reports.gate.GateOutputFolder;
import dev.aipcbench.reports.gate.GateReport;
import dev.aipcbench.reports.gate.GateVerdict;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code gate --history URL}: {@link HistoryGate} with the gate command's options; writes gate.md, gate.xml
 * and changepoints.md, prints regressions and change points, and exits as the gate does.
 */
final class HistoryGateRun {
    private final GateCommand c;

    HistoryGateRun(GateCommand c) {
        this.c = c;
    }

    int call() throws IOException {
        try {
            if (c.baselines != null) {
                throw new GateInputException("--history gates against the store's runs; give no --baseline with it");
            }
            Path current = c.currents.get(0);
            RunResults run;
            try {
                run = ResultsFolder.read(current);
            } catch (IllegalArgumentException e) {
                throw new GateInputException("--current " + e.getMessage());
            }
            // the gate's options name baseline folders; from the store they are runs, labelled by the store's URL
            GateOptions o = GateOptions.of(List.of(Path.of("history")), current)
                    .withThresholds(c.thresholds())
                    .withConfidence(GateOptions.parseConfidence(c.confidence))
                    .withAllowDifferentHardware(false)
                    .withResamples(c.resamples)
                    .withSeed(c.seed)
                    .withOut(c.out);
            if (c.threshold != null) {
                o = o.withThreshold(c.threshold);
            }
            HistoryGate.Outcome outcome;
            try (HistoryStore store = HistoryStore.open("--history", c.history.isEmpty() ? null : c.history, System.getenv())) {
                outcome = new HistoryGate(store, c.last, EDivisive.defaults()).run(run, o);
            }
            GateReport report = outcome.report();
            GateOutputFolder folder = new GateOutputFolder(o.out());
            folder.write(report);
            Path changes = folder.markdown().resolveSibling(ChangePointMarkdown.FILE);
            ResultsFolder.writeAtomically(changes, ChangePointMarkdown.render(outcome));
            System.err.printf("gate: against %d earlier run(s) of this machine (%s): %d regression(s), %d improvement(s), %d pass;"
                            + " %d change point(s); %s, %s, %s%n", outcome.baselineRunIds().size(), String.join(", ", outcome.baselineRunIds()),
                    report.count(GateVerdict.REGRESSION), report.count(GateVerdict.IMPROVEMENT), report.count(GateVerdict.PASS),
                    outcome.changes().size(), folder.markdown(), folder.junitXml(), changes);
            report.rows(GateVerdict.REGRESSION).forEach(r -> System.err.printf("REGRESSION %s %s: %.4g -> %.4g %s (%+.1f%% worse, CI of ratio [%.3f, %.3f])%n",
                    r.cellId(), r.metric(), r.baselineMedian(), r.currentMedian(), r.unit(), r.worsePct(), r.ciLow(), r.ciHigh()));
            for (MetricChange m : outcome.changes()) {
                System.err.printf("CHANGE %s %s from run %s: %.4g -> %.4g %s (%+.1f%%, p=%.3f), versions: %s%n", m.cellId(), m.metric(), m.runId(),
                        m.before(), m.after(), m.unit(), m.changePct(), m.pValue(), ChangePointMarkdown.versions(m.versions()));
            }
            return report.exitCode();
        } catch (GateInputException | IllegalArgumentException e) {
            System.err.println("run-bench: " + e.getMessage());
            return GateInputException.EXIT_CODE;
        }
    }
}
