package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.history.store.HistoryStore;
import dev.aipcbench.history.store.PublishedRun;
import dev.aipcbench.history.store.RunPublisher;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code run-bench publish DIR [DIR ...] [--db URL]}: store runs in the history, each in one transaction, each once. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Store results folders in the history (host, runtimes, profile, every cell, raw samples, telemetry).",
                "Each run is one transaction; publishing a run again (e.g. after --resume) adds only what is new."})
final class PublishCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;
    @Mixin StoreOption store;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Results folder(s).")
    List<Path> folders;

    @Override
    public Integer call() {
        // every folder is read before the store is touched: a bad one stops the command with nothing written
        for (Path f : folders) {
            ResultsFolder.read(f);
        }
        try (HistoryStore s = store.open()) {
            publish(s, folders, System.err);
        }
        return 0;
    }

    static void publish(HistoryStore s, List<Path> folders, PrintStream console) {
        RunPublisher publisher = new RunPublisher(s);
        for (Path f : folders) {
            PublishedRun p = publisher.publish(f);
            RunResults run = ResultsFolder.read(f);
            console.printf("published %s (%s, %s): %d cell(s) added, %d replaced, %d already stored -> %s%n", run.runId(),
                    run.host().hostname(), p.newRun() ? "new run" : "known run", p.added(), p.replaced(), p.unchanged(), s.location().url());
        }
    }
}
