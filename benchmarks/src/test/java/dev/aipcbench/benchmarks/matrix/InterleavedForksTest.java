package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.TestRuns;
import dev.aipcbench.benchmarks.cli.Main;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --interleave} on a real run of two cells with two forks each: the forks run in turns (the first
 * cell's first fork, the second cell's first, then each cell's second), and each cell still ends with its
 * two forks' samples and its result. On a shared machine a fork may be judged disturbed and run again
 * (jmh.forks undisturbed forks is what a cell needs), so the test counts the undisturbed forks and checks
 * the turn order on the first round, which reruns never touch.
 */
class InterleavedForksTest {

    @Test
    void forksRunInTurnsAndEveryCellKeepsAllItsForks(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Main.run("--precisions", "int4,fp32", "--prompt-tokens", "16", "--gen-tokens", "4", "--forks", "2",
                "--iterations", "2", "--warmup", "1", "--threads", "1", "--interleave", "--no-report",
                "--out", out.toString(), "--cache-dir", TestRuns.cacheDir()));
        RunResults r = ResultsFolder.read(out);
        List<CellResult> cells = r.cells().stream().filter(CellResult::ok).toList();
        assertEquals(2, cells.size(), r.cells().toString());
        for (CellResult c : cells) {
            long clean = c.forks().stream().filter(f -> !f.disturbed()).count();
            assertEquals(2, clean, c.id() + " " + c.forks());
            assertEquals(2, c.metrics().get("tpot_ms").samples().size(), c.id() + ": the undisturbed forks' samples only");
        }
        // Fork processes started in this order (process ids rise as they start): a1 < b1 < a2 < b2.
        long a1 = cells.get(0).forks().get(0).pid();
        long b1 = cells.get(1).forks().get(0).pid();
        long a2 = cells.get(0).forks().get(1).pid();
        long b2 = cells.get(1).forks().get(1).pid();
        assertTrue(a1 < b1 && b1 < a2 && a2 < b2, "forks in turns: " + List.of(a1, b1, a2, b2));
        assertEquals(Boolean.TRUE, ((java.util.Map<?, ?>) r.profile().get("jmh")).get("interleave"), "recorded in the run's profile");
    }
}
