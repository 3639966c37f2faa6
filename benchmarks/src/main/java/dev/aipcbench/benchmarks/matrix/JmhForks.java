package dev.aipcbench.benchmarks.matrix;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * This process's running JMH forks: its children that run a JVM. JMH starts forks with the host's
 * own java executable; the host's other children (nvidia-smi, typeperf) are not JVMs. Matching the
 * fork's main class is not enough on its own: the kernel hands out only the first pages of a long
 * command line (a Maven test classpath), which can end before {@code ForkedMain} appears.
 */
final class JmhForks {
    private static final String FORKED_MAIN = "org.openjdk.jmh.runner.ForkedMain";
    private static final Optional<String> OWN_JAVA = ProcessHandle.current().info().command();

    private JmhForks() {
    }

    static List<ProcessHandle> current() {
        return ProcessHandle.current().children().filter(JmhForks::isFork).collect(Collectors.toList());
    }

    private static boolean isFork(ProcessHandle p) {
        ProcessHandle.Info info = p.info();
        if (info.commandLine().map(c -> c.contains(FORKED_MAIN)).orElse(false)) {
            return true;
        }
        Optional<String> command = info.command();
        if (command.isEmpty()) {
            return false;
        }
        if (OWN_JAVA.isPresent() && OWN_JAVA.get().equals(command.get())) {
            return true;
        }
        String name = Path.of(command.get()).getFileName().toString();
        return name.equals("java") || name.equals("java.exe");
    }
}
