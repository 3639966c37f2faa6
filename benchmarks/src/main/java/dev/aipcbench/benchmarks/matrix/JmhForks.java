package dev.aipcbench.benchmarks.matrix;

import java.util.List;
import java.util.stream.Collectors;

/** This process's running JMH forks, found by their main class among its children. */
final class JmhForks {
    private static final String FORKED_MAIN = "org.openjdk.jmh.runner.ForkedMain";

    private JmhForks() {
    }

    static List<ProcessHandle> current() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(FORKED_MAIN)).orElse(false)
                        || p.info().commandLine().map(c -> c.contains(FORKED_MAIN)).orElse(false))
                .collect(Collectors.toList());
    }
}
