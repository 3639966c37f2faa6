package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.TestRuns;
import dev.aipcbench.benchmarks.cli.Main;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads on real runs: with no setting, every cell's runtime gets one thread per physical core of the
 * machine (the host facts the run recorded), said so in the cell with the cores its forks kept busy;
 * {@code --threads 0} is the runtime's own default, recorded as such with what it did.
 */
class ThreadSettingTest {

    private static CellResult run(Path out, String... extra) {
        String[] args = new String[] {"--prompt-tokens", "16", "--gen-tokens", "32", "--forks", "1", "--iterations", "5",
                "--warmup", "1", "--no-report", "--out", out.toString(), "--cache-dir", TestRuns.cacheDir()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra)).toArray(String[]::new);
        assertEquals(0, Main.run(all));
        RunResults r = ResultsFolder.read(out);
        return r.cells().stream().filter(CellResult::ok).findFirst().orElseThrow(() -> new AssertionError(r.cells().toString()));
    }

    @Test
    void noSettingMeansOneThreadPerPhysicalCoreAndZeroTheRuntimesDefault(@TempDir Path tmp) {
        CellResult physical = run(tmp.resolve("physical"));
        int cores = ResultsFolder.read(tmp.resolve("physical")).host().cpu().physicalCores();
        assertEquals(cores, physical.settings().get("threads"), physical.settings().toString());
        assertEquals("physical cores", physical.settings().get("threads_from"));
        assertTrue(physical.settings().get("fork_cores_busy") instanceof Number busy && busy.doubleValue() > 0,
                physical.settings() + " " + physical.forks());

        CellResult own = run(tmp.resolve("own"), "--threads", "0");
        assertEquals(0, own.settings().get("threads"));
        assertEquals("runtime default", own.settings().get("threads_from"));
        assertTrue(own.settings().containsKey("fork_cores_busy"), own.settings().toString());
    }

    /**
     * OpenVINO GenAI infers in the suite's Python driver, a child of the fork: its CPU time is the fork's own
     * work, so the fork is not read as idle while "other processes" (its own driver) kept the cores busy.
     */
    @Test
    void aDriverProcessWorkIsCountedAsTheForksOwn(@TempDir Path tmp) {
        CellResult driven = run(tmp.resolve("driver"), "--runtimes", "openvino-genai", "--threads", "1");
        CellResult.Fork fork = driven.forks().get(0);
        assertTrue(fork.forkCores() != null && fork.forkCores() > 0.2, "the driver's CPU is the fork's: " + driven.forks());
    }
}
