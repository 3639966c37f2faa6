package dev.aipcbench.benchmarks.cli;

import picocli.CommandLine.Command;

/** {@code run-bench model generate|quantize|inspect}. */
@Command(name = "model", description = "Make, quantise and inspect models.",
        subcommands = {ModelGenerateCommand.class, ModelQuantizeCommand.class, ModelInspectCommand.class},
        mixinStandardHelpOptions = true)
public final class ModelCommand {
}
