package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.cli.Main;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL in the middle of a matrix leaves results.json and jmh.json valid with every finished cell,
 * and --resume finishes the run without redoing those cells.
 */
class MatrixKillAndResumeTest {

    @Test
    void killedRunKeepsItsFinishedCellsAndResumeCompletesIt(@TempDir Path tmp) throws Exception {
        Path profile = tmp.resolve("kill.json");
        Files.writeString(profile, "{\"precisions\": [\"int4\", \"int8\", \"fp32\"],"
                + " \"workloads\": {\"generate\": {\"prompt_tokens\": [16, 32], \"gen_tokens\": 8}, \"decode\": {\"context_depths\": [16]}},"
                + " \"jmh\": {\"iterations\": 2, \"warmup_iterations\": 1, \"decode_iterations\": 5}}");
        Path out = tmp.resolve("run");
        String cache = dev.aipcbench.benchmarks.TestRuns.cacheDir();
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--profile", profile.toString(), "--out", out.toString(), "--cache-dir", cache, "--no-report")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        RunResults before = null;
        // generous: a shared machine (other benchmarks waiting on JMH's lock, disturbed forks rerun) slows the first cells
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(out.resolve(ResultsFolder.RESULTS_JSON))) {
                RunResults r = ResultsFolder.read(out);
                if (r.cells().size() >= 2) {
                    before = r;
                    break;
                }
            }
            assertTrue(child.isAlive(), "the run ended before it could be killed: " + Files.readString(tmp.resolve("child.log")));
            Thread.sleep(50);
        }
        assertTrue(before != null, "two cells finished in time");
        // SIGKILL the run and its JMH fork: no shutdown hook runs.
        List<ProcessHandle> tree = child.toHandle().descendants().collect(Collectors.toList());
        child.toHandle().destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        child.waitFor(30, TimeUnit.SECONDS);

        RunResults killed = ResultsFolder.read(out);
        assertFalse(killed.complete());
        assertTrue(killed.cells().size() >= 2 && killed.cells().size() < killed.plannedCells(),
                killed.cells().size() + " of " + killed.plannedCells());
        assertTrue(new ObjectMapper().readTree(out.resolve(ResultsFolder.JMH_JSON).toFile()).isArray(), "jmh.json parses");
        Map<String, String> startedBefore = killed.cells().stream().collect(Collectors.toMap(CellResult::id, CellResult::started));

        assertEquals(0, Main.run("--resume", out.toString(), "--cache-dir", cache, "--no-report"));
        RunResults resumed = ResultsFolder.read(out);
        assertTrue(resumed.complete());
        assertEquals(resumed.plannedCells(), resumed.cells().size());
        Map<String, CellResult> byId = resumed.cells().stream().collect(Collectors.toMap(CellResult::id, Function.identity()));
        assertEquals(resumed.cells().size(), byId.size(), "no cell twice");
        startedBefore.forEach((id, started) -> assertEquals(started, byId.get(id).started(), id + " was not run again"));
        assertEquals(killed.runId(), resumed.runId());
        int benchmarksInJmhJson = new ObjectMapper().readTree(out.resolve(ResultsFolder.JMH_JSON).toFile()).size();
        assertTrue(benchmarksInJmhJson >= resumed.cells().size() - 1, "jmh.json holds the cells of both sessions");
    }

    @Test
    void ctrlCStopsAfterWritingTheFinishedCells(@TempDir Path tmp) throws Exception {
        Path profile = tmp.resolve("interrupt.json");
        Files.writeString(profile, "{\"precisions\": [\"int4\", \"int8\", \"fp32\"],"
                + " \"workloads\": {\"generate\": {\"prompt_tokens\": [16, 32], \"gen_tokens\": 8}},"
                + " \"jmh\": {\"forks\": 1, \"iterations\": 2, \"warmup_iterations\": 1}}");
        Path out = tmp.resolve("run");
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--profile", profile.toString(), "--out", out.toString(),
                "--cache-dir", dev.aipcbench.benchmarks.TestRuns.cacheDir(), "--no-report")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        // generous: a shared machine (other benchmarks waiting on JMH's lock, disturbed forks rerun) slows the first cells
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(out.resolve(ResultsFolder.RESULTS_JSON)) && ResultsFolder.read(out).cells().size() >= 1) {
                break;
            }
            assertTrue(child.isAlive(), "the run ended before it could be interrupted: " + Files.readString(tmp.resolve("child.log")));
            Thread.sleep(50);
        }
        // SIGINT, as Ctrl-C sends it (to the run only: a terminal would also stop the fork).
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the run stops on Ctrl-C");
        child.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        RunResults r = ResultsFolder.read(out);
        assertFalse(r.complete());
        assertNotNull(r.finished(), "the interrupted run recorded when it stopped");
        assertTrue(r.cells().size() >= 1 && r.cells().size() < r.plannedCells());
        assertTrue(Files.readString(tmp.resolve("child.log")).contains("continue with --resume"), Files.readString(tmp.resolve("child.log")));
    }

    private static String javaBinary() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java" + (File.separatorChar == '\\' ? ".exe" : "");
    }
}
