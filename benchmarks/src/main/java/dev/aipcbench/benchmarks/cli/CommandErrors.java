package dev.aipcbench.benchmarks.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns every failure into one line on stderr and a non-zero exit: 2 for bad input (flags, files,
 * fields), 1 for failures while working. {@code --verbose} adds the stack trace.
 */
final class CommandErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("run-bench: " + oneLine(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return isBadInput(e) ? BAD_INPUT : FAILURE;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("run-bench: " + e.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        cl.getErr().flush();
        return BAD_INPUT;
    }

    static boolean isBadInput(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof dev.aipcbench.harness.model.ModelFormatException
                || e instanceof java.nio.file.NoSuchFileException;
    }

    static String oneLine(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        } else if (t instanceof java.nio.file.NoSuchFileException) {
            m = m + ": not found";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
