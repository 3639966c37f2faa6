package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.harness.runtime.environment.PinnedPackages;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import dev.aipcbench.harness.runtime.environment.RuntimeInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code run-bench runtimes install [--runtimes ...]}: the suite's runtime environment with the pinned
 * packages. Exit 0 when every package asked for is installed, 3 when some were refused (each named, with
 * what the index said), 2 for an unknown runtime.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install the pinned runtime packages (Python wheels, npm llama.cpp prebuilts) into the suite's",
                "runtime environment: $AIPC_BENCH_RUNTIMES, else ~/.cache/aipc-bench/runtimes. Idempotent."})
final class RuntimesInstallCommand implements Callable<Integer> {
    static final int PARTIAL = 3;

    @Mixin VerboseOption verbose;

    @Option(names = "--runtimes", split = ",", description = "Runtimes to install (default: all the pinned lists serve: ${COMPLETION-CANDIDATES}).",
            completionCandidates = PinnedRuntimes.class)
    List<String> runtimes;

    @Override
    public Integer call() throws Exception {
        PinnedPackages pinned = PinnedPackages.load();
        Set<String> known = pinned.runtimes();
        Set<String> asked = new LinkedHashSet<>(runtimes == null ? known : runtimes);
        for (String r : asked) {
            if (!known.contains(r)) {
                throw new IllegalArgumentException("--runtimes: no pinned packages for '" + r + "': expected some of " + known
                        + " (ONNX Runtime itself is bundled with the suite; its entry here is the OpenVINO execution provider plugin)");
            }
        }
        List<RuntimeInstaller.Outcome> outcomes = new RuntimeInstaller(RuntimeEnvironment.current(), System.out).install(asked);
        long refused = outcomes.stream().filter(o -> o.result() == RuntimeInstaller.Result.REFUSED).count();
        System.out.printf("%d of %d packages ready%s%n", outcomes.size() - refused, outcomes.size(),
                refused == 0 ? "" : "; " + refused + " refused (named above); the others are usable");
        return refused == 0 ? 0 : PARTIAL;
    }

    /** The runtimes the pinned lists serve, for --help. */
    static final class PinnedRuntimes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PinnedPackages.load().runtimes().iterator();
        }
    }
}
