package dev.aipcbench.benchmarks;

import dev.aipcbench.benchmarks.cli.Main;
import dev.aipcbench.harness.testing.TestModels;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared settings of the tests that run real matrices. */
public final class TestRuns {
    private TestRuns() {
    }

    /** The build's test model cache; runs generate missing models into it, once. */
    public static String cacheDir() {
        return TestModels.cache().root().toString();
    }

    /** A run-bench command's exit code and what it wrote to stderr. */
    public record Outcome(int exit, String err) {
        /** The one error line run-bench printed (asserted to be exactly one). */
        public String errorLine() {
            List<String> lines = err.lines().filter(l -> l.startsWith("run-bench: ")).toList();
            assertEquals(1, lines.size(), err);
            return lines.get(0);
        }
    }

    /** Runs run-bench in this JVM with its stderr captured (one at a time: stderr is the process's). */
    public static synchronized Outcome runBench(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
