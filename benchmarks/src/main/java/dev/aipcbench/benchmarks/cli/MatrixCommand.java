package dev.aipcbench.benchmarks.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code run-bench --matrix quick|full ...}: plan and run the benchmark matrix. */
@Command(name = MatrixCommand.NAME, mixinStandardHelpOptions = true, description = "Run the benchmark matrix.")
final class MatrixCommand implements Callable<Integer> {
    static final String NAME = "matrix";

    @Mixin VerboseOption verbose;

    @Override
    public Integer call() {
        throw new IllegalStateException("the matrix runner is not built yet");
    }
}
