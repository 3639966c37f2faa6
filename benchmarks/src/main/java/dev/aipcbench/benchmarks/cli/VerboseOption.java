package dev.aipcbench.benchmarks.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: full stack traces instead of one-line errors. Mixed into every command. */
public final class VerboseOption {
    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;
}
