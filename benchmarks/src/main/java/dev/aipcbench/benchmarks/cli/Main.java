package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.benchmarks.matrix.SuiteVersion;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point of {@code run-bench.sh} / {@code run-bench.ps1}: the matrix run itself (the root
 * command's options) and the subcommands.
 */
@Command(name = "run-bench", mixinStandardHelpOptions = true, versionProvider = SuiteVersion.class,
        description = "Benchmark and characterise on-device LLM inference (Phi-3 class) across devices, precisions and runtimes.",
        subcommands = {MatrixCommand.class, CharacteriseCommand.class, GenerateCommand.class, ModelCommand.class, DevicesCommand.class, RuntimesCommand.class,
                ReportCommand.class, GateCommand.class, PublishCommand.class, HistoryCommand.class})
public final class Main {

    /**
     * ONNX Runtime does part of every inference on the calling thread and needs more stack there than
     * the JVM's default 1 MiB (a 128-token prefill of the tiny model overflows 512 KiB and the process
     * dies with SIGSEGV, without an hs_err file); commands therefore run on a thread with room to spare.
     */
    static final long COMMAND_STACK_BYTES = 64L << 20;

    public static void main(String[] args) throws InterruptedException {
        int[] code = {CommandErrors.FAILURE};
        Thread command = new Thread(null, () -> code[0] = run(args), "run-bench", COMMAND_STACK_BYTES);
        command.start();
        command.join();
        System.exit(code[0]);
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandErrors errors = new CommandErrors();
        CommandLine cl = new CommandLine(new Main())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        if (args.length > 0 && args[0].startsWith("-") && !args[0].equals("--help") && !args[0].equals("-h")
                && !args[0].equals("--version") && !args[0].equals("-V")) {
            // A bare "run-bench --matrix quick" is the matrix command: the launchers' main job.
            String[] withCommand = new String[args.length + 1];
            withCommand[0] = MatrixCommand.NAME;
            System.arraycopy(args, 0, withCommand, 1, args.length);
            return cl.execute(withCommand);
        }
        return cl.execute(args);
    }
}
