package dev.aipcbench.harness.telemetry;

import java.io.IOException;
import java.util.List;

/**
 * Starts the commands sources run ({@code typeperf}, {@code nvidia-smi}, {@code wpr}, {@code tracerpt});
 * tests replace it to play recorded output. The process's stderr is merged into its stdout, because
 * these tools print their errors on either.
 */
@FunctionalInterface
public interface ProcessStarter {
    ProcessStarter SYSTEM = command -> new ProcessBuilder(command).redirectErrorStream(true).start();

    Process start(List<String> command) throws IOException;
}
