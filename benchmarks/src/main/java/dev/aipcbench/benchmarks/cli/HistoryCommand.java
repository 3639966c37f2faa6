package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.history.store.HistoryStore;
import dev.aipcbench.history.store.RunExport;
import dev.aipcbench.history.store.RunFilter;
import dev.aipcbench.history.store.StoredCell;
import dev.aipcbench.history.store.StoredHost;
import dev.aipcbench.history.store.StoredRun;
import dev.aipcbench.history.store.StoredRuns;
import dev.aipcbench.results.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code run-bench history [--db URL]}: the runs in the store; its subcommands list hosts and cells and export a run. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List the runs in the history store (oldest first); 'history hosts', 'history cells RUN',",
                "'history export RUN --out DIR' (RUN: a run id, or a run key where two machines share a run id)."},
        subcommands = {HistoryCommand.Hosts.class, HistoryCommand.Cells.class, HistoryCommand.Export.class})
final class HistoryCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;
    @Mixin StoreOption store;

    @Override
    public Integer call() {
        try (HistoryStore s = store.open()) {
            System.out.printf("%-26s %-20s %-10s %-24s %-8s %s%n", "run", "host", "fingerprint", "started", "complete", "cells ok/stored/planned");
            for (StoredRun r : new StoredRuns(s).runs(RunFilter.ALL)) {
                System.out.printf("%-26s %-20s %-10s %-24s %-8s %d/%d/%d%n", r.runId(), r.hostname(), shortFp(r.fingerprint()), r.started(),
                        r.complete() ? "yes" : "no", r.okCells(), r.cells(), r.plannedCells());
            }
        }
        return 0;
    }

    static String shortFp(String fp) {
        String hex = fp.substring(fp.indexOf(':') + 1);
        return hex.length() > 8 ? hex.substring(0, 8) : hex;
    }

    @Command(name = "hosts", mixinStandardHelpOptions = true, description = "The machines in the store, with their run counts.")
    static final class Hosts implements Callable<Integer> {
        @Mixin VerboseOption verbose;
        @Mixin StoreOption store;
        @ParentCommand HistoryCommand parent;

        @Override
        public Integer call() {
            try (HistoryStore s = store.or(parent.store).open()) {
                System.out.printf("%-20s %-10s %-40s %6s %10s %5s %s%n", "host", "fingerprint", "cpu", "cores", "memory GB", "runs", "last run");
                for (StoredHost h : new StoredRuns(s).hosts()) {
                    System.out.printf("%-20s %-10s %-40s %6d %10.1f %5d %s%n", h.hostname(), shortFp(h.fingerprint()), h.cpuModel(),
                            h.logicalCores(), h.memoryBytes() / 1e9, h.runs(), h.lastStarted());
                }
            }
            return 0;
        }
    }

    @Command(name = "cells", mixinStandardHelpOptions = true, description = "The cells of a run: status, reason, metrics and raw samples stored.")
    static final class Cells implements Callable<Integer> {
        @Mixin VerboseOption verbose;
        @Mixin StoreOption store;
        @ParentCommand HistoryCommand parent;
        @Parameters(paramLabel = "RUN", description = "Run id or run key.")
        String run;

        @Override
        public Integer call() {
            try (HistoryStore s = store.or(parent.store).open()) {
                StoredRuns runs = new StoredRuns(s);
                StoredRun r = runs.find(run);
                System.out.println("run " + r.runKey());
                for (StoredCell c : runs.cells(r.runKey())) {
                    System.out.printf("%-50s %-11s %3d metrics %5d samples%s%n", c.cellId(), c.status(), c.metrics(), c.samples(),
                            c.reason() == null ? "" : "  " + c.reason().lines().findFirst().orElse(""));
                }
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a stored run back as a results folder.")
    static final class Export implements Callable<Integer> {
        @Mixin VerboseOption verbose;
        @Mixin StoreOption store;
        @ParentCommand HistoryCommand parent;
        @Parameters(paramLabel = "RUN", description = "Run id or run key.")
        String run;
        @Option(names = "--out", required = true, description = "The results folder to write (must not hold a run).")
        Path out;

        @Override
        public Integer call() throws java.io.IOException {
            try (HistoryStore s = store.or(parent.store).open()) {
                StoredRuns runs = new StoredRuns(s);
                StoredRun r = runs.find(run);
                RunResults written = new RunExport(runs).write(r.runKey(), out);
                System.err.printf("exported %s (%d cells) to %s%n", written.runId(), written.cells().size(), out.toAbsolutePath());
                System.out.println(out.toAbsolutePath());
            }
            return 0;
        }
    }
}
