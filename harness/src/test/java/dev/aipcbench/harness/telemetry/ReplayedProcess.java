package dev.aipcbench.harness.telemetry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A process that already ran and printed recorded output: lets tests play typeperf, nvidia-smi, wpr
 * and tracerpt output on any OS without the tools.
 */
public final class ReplayedProcess extends Process {
    private final InputStream output;
    private final int exitCode;

    public ReplayedProcess(String output, int exitCode) {
        this.output = new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8));
        this.exitCode = exitCode;
    }

    /** A starter that answers every command with {@code output} and exit code 0, remembering the commands. */
    public static Starter printing(String output) {
        return new Starter(command -> new ReplayedProcess(output, 0));
    }

    /** A starter that remembers the commands it was asked to run. */
    public static final class Starter implements ProcessStarter {
        private final ProcessStarter answer;
        private final List<List<String>> commands = new ArrayList<>();

        public Starter(ProcessStarter answer) {
            this.answer = answer;
        }

        @Override
        public synchronized Process start(List<String> command) throws IOException {
            commands.add(List.copyOf(command));
            return answer.start(command);
        }

        public synchronized List<List<String>> commands() {
            return List.copyOf(commands);
        }
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return output;
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() {
        return exitCode;
    }

    @Override
    public int exitValue() {
        return exitCode;
    }

    @Override
    public void destroy() {
    }
}
