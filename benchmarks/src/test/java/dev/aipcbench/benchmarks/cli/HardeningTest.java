package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.benchmarks.TestRuns;
import dev.aipcbench.benchmarks.TestRuns.Outcome;
import dev.aipcbench.harness.process.BoundedCommand;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a sweep of bad inputs and faults found (issue "Hardening"), each reproduced on the real command line:
 * one clear line, exit 2 for bad input, and nothing already written lost.
 */
class HardeningTest {
    @TempDir
    static Path tmp;
    /** A small real run, written once, that the tests read, damage copies of, and report on. */
    private static Path run;

    /** A tiny profile: one generate cell on the CPU, one fork, few iterations. */
    private static Path smallProfile() throws IOException {
        Path p = tmp.resolve("small.json");
        Files.writeString(p, "{\"description\": \"small <script>alert(1)</script> profile\","
                + " \"workloads\": {\"generate\": {\"prompt_tokens\": [16], \"gen_tokens\": 8}},"
                + " \"jmh\": {\"forks\": 1, \"warmup_iterations\": 1, \"iterations\": 2}, \"telemetry\": {\"enabled\": false}}");
        return p;
    }

    @BeforeAll
    static void aRealRun() throws IOException {
        run = tmp.resolve("run");
        assertEquals(0, Main.run("--profile", smallProfile().toString(), "--out", run.toString(), "--cache-dir", TestRuns.cacheDir()));
    }

    private static String errorLine(Outcome o) {
        return o.errorLine();
    }

    @Test
    void aSecondRunOnTheSameFolderIsRefusedAtOnceNamingTheHolder() throws Exception {
        Path out = tmp.resolve("shared");
        String profile = smallProfile().toString();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Integer> first;
        synchronized (HardeningTest.class) {
            first = pool.submit(() -> Main.run("--profile", profile, "--out", out.toString(), "--cache-dir", TestRuns.cacheDir(), "--no-report"));
        }
        Path lock = out.resolve(".lock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.isRegularFile(lock) && Files.size(lock) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // The first run holds the folder from its first instant, before results.json exists.
        Outcome second = TestRuns.runBench("--profile", profile, "--out", out.toString(), "--cache-dir", TestRuns.cacheDir());
        Outcome resume = TestRuns.runBench("--resume", out.toString());
        assertEquals(0, (int) first.get(5, TimeUnit.MINUTES));
        pool.shutdown();
        assertEquals(2, second.exit(), second.err());
        assertTrue(errorLine(second).matches("run-bench: --out .* is in use by another run \\(pid \\d+, started .*\\); wait for it to end, "
                + "or choose another folder"), second.err());
        assertEquals(2, resume.exit(), resume.err());
        assertTrue(errorLine(resume).contains("--resume " + out + " is in use by another run (pid "), resume.err());
        assertTrue(ResultsFolder.read(out).complete(), "the first run's results are whole");
        assertEquals(0, TestRuns.runBench("--resume", out.toString()).exit(), "once it ended, the folder can be resumed");
    }

    /**
     * Item 1's other half: a run beside another benchmark on the machine (here another process holding JMH's
     * global lock file, as a JMH run or a second suite run does) waits for it, saying so, and its cells end ok;
     * JMH alone would fail every cell with "Unable to acquire the JMH lock". Item 6: a gate between two real
     * one-fork runs compares nothing, and says so with its own exit code, never "passed".
     */
    @Test
    void aRunBesideAnotherBenchmarkWaitsForTheLockAndAGateThatComparedNothingDoesNotPass() throws Exception {
        Path holder = Files.writeString(tmp.resolve("HoldJmhLock.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class HoldJmhLock {
                    public static void main(String[] a) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                             var lock = c.lock()) {
                            System.out.println("held");
                            System.out.flush();
                            Thread.sleep(Long.parseLong(a[1]));
                        }
                    }
                }
                """);
        Path jmhLock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), holder.toString(),
                jmhLock.toString(), "6000").redirectErrorStream(true).start();
        try {
            var fromOther = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("held", fromOther.readLine(), "the other process holds JMH's lock");
            Path beside = tmp.resolve("beside");
            java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
            java.io.PrintStream saved = System.out;
            Outcome o;
            System.setOut(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                o = TestRuns.runBench("--profile", smallProfile().toString(), "--out", beside.toString(), "--cache-dir", TestRuns.cacheDir(),
                        "--no-report");
            } finally {
                System.setOut(saved);
            }
            String printed = console.toString(java.nio.charset.StandardCharsets.UTF_8) + o.err(); // progress goes to stderr
            assertEquals(0, o.exit(), o.err() + printed);
            assertTrue(printed.contains("waiting: another benchmark on this machine holds " + jmhLock), printed);
            RunResults results = ResultsFolder.read(beside);
            assertTrue(results.complete());
            assertTrue(results.cells().stream().allMatch(c -> c.status() == CellStatus.OK), "no cell failed for the lock: " + results.cells());
            assertFalse(o.err().contains("Unable to acquire the JMH lock"), o.err());

            Outcome gate = TestRuns.runBench("gate", "--baseline", run.toString(), "--current", beside.toString(), "--out", tmp.resolve("gate").toString());
            assertEquals(dev.aipcbench.reports.gate.GateReport.EXIT_INCONCLUSIVE, gate.exit(), gate.err());
            assertTrue(gate.err().lines().anyMatch(l -> l.startsWith("gate: inconclusive (")), "its own line, never passed: " + gate.err());
        } finally {
            other.destroy();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void threadCountsBeyondTheMachineAreRefusedSayingWhatItHas() {
        int cores = Runtime.getRuntime().availableProcessors();
        Outcome matrix = TestRuns.runBench("--matrix", "quick", "--threads", "100000", "--out", tmp.resolve("threads").toString());
        assertEquals(2, matrix.exit(), matrix.err());
        assertEquals("run-bench: session.threads (--threads) = 100000: this machine has " + cores + " logical cores; at most "
                + 4 * cores + " threads make sense (0: the runtime's default)", errorLine(matrix));
        Outcome generate = TestRuns.runBench("generate", "--threads", "1000", "--prompt-tokens", "4");
        assertEquals(2, generate.exit(), generate.err());
        assertTrue(errorLine(generate).startsWith("run-bench: --threads = 1000: this machine has " + cores + " logical cores"), generate.err());
        assertFalse(Files.exists(tmp.resolve("threads").resolve("results.json")), "nothing run");
    }

    @Test
    void aMalformedResultsFileIsABadInputNamingTheFileAndTheField() throws IOException {
        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken);
        String json = Files.readString(run.resolve(ResultsFolder.RESULTS_JSON));
        Files.writeString(broken.resolve(ResultsFolder.RESULTS_JSON), json.replaceFirst("\"cells\" : \\[", "\"cells\" : [ null,"));
        Path file = broken.resolve(ResultsFolder.RESULTS_JSON);
        for (Outcome o : List.of(TestRuns.runBench("report", "--in", broken.toString(), "--out", tmp.resolve("r").toString()),
                TestRuns.runBench("gate", "--baseline", run.toString(), "--current", broken.toString()))) {
            assertEquals(2, o.exit(), o.err());
            assertTrue(errorLine(o).endsWith(file + ": field cells[0]: expected a cell object, found null"), o.err());
        }
        Files.writeString(file, json.replaceFirst("\"kind\" : \"generate\"", "\"kind\" : 7"));
        Outcome typed = TestRuns.runBench("report", "--in", broken.toString(), "--out", tmp.resolve("r2").toString());
        assertEquals(2, typed.exit(), typed.err());
        assertTrue(errorLine(typed).contains(file + ": field cells[0].workload"), typed.err());
        assertFalse(errorLine(typed).contains("Source:"), "no Jackson internals: " + typed.err());
    }

    @Test
    void anOutThatIsAFileOrBeneathOneIsABadInputBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile.txt"), "x");
        Outcome isFile = TestRuns.runBench("--profile", smallProfile().toString(), "--out", file.toString());
        assertEquals(2, isFile.exit(), isFile.err());
        assertEquals("run-bench: --out " + file + " is a file, expected a folder", errorLine(isFile));
        Outcome beneath = TestRuns.runBench("--profile", smallProfile().toString(), "--out", file.resolve("out").toString());
        assertEquals(2, beneath.exit(), beneath.err());
        assertTrue(errorLine(beneath).startsWith("run-bench: --out " + file.resolve("out") + ": cannot create the folder"), beneath.err());
        assertEquals("x", Files.readString(file), "the file is untouched");
    }

    @Test
    void aFullDiskNamesTheFileAndLeavesNoTemporaryBehind() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("full-disk"));
        // A real small file system (as root: the suite's tests run as root on their machines).
        BoundedCommand.Result mount = BoundedCommand.run(List.of("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()),
                Duration.ofSeconds(20));
        assertTrue(mount.ok(), "mounting a 64 KiB tmpfs for the test: " + mount.output());
        try {
            Outcome o = TestRuns.runBench("report", "--in", run.toString(), "--out", disk.toString());
            assertEquals(1, o.exit(), o.err());
            assertTrue(errorLine(o).matches("run-bench: cannot write " + java.util.regex.Pattern.quote(disk.toString()) + "/.*: No space left on device"),
                    o.err());
            try (Stream<Path> files = Files.walk(disk)) {
                List<String> left = new ArrayList<>();
                files.filter(p -> p.getFileName().toString().endsWith(".tmp")).forEach(p -> left.add(p.toString()));
                assertEquals(List.of(), left, "no temporary file stays on the full disk");
            }
        } finally {
            BoundedCommand.run(List.of("umount", disk.toString()), Duration.ofSeconds(20));
        }
    }

    @Test
    void theMatrixChecksItsPlanBeforeTheFirstCell() throws IOException {
        Outcome tooLong = TestRuns.runBench("--profile", smallProfile().toString(), "--prompt-tokens", "5000", "--out", tmp.resolve("long").toString(),
                "--cache-dir", TestRuns.cacheDir());
        assertEquals(2, tooLong.exit(), tooLong.err());
        assertEquals("run-bench: generate p5000 g8 needs 5008 tokens of context but the model (phi3-tiny-int4-b32-acc4-seed42) has 4096"
                + " (workloads.generate in the profile, or --prompt-tokens/--gen-tokens)", errorLine(tooLong));
        Path missing = tmp.resolve("no-such-model");
        Path profile = Files.writeString(tmp.resolve("folders.json"), "{\"model\": {\"folders\": {\"onnx-genai\": {\"int4\": \""
                + missing + "\"}}}, \"jmh\": {\"forks\": 1, \"iterations\": 1}}");
        Outcome noFolder = TestRuns.runBench("--profile", profile.toString(), "--out", tmp.resolve("missing").toString());
        assertEquals(2, noFolder.exit(), noFolder.err());
        assertEquals("run-bench: profile field model.folders.onnx-genai.int4: " + missing + " does not exist", errorLine(noFolder));
        assertFalse(Files.exists(tmp.resolve("long").resolve(ResultsFolder.RESULTS_JSON)) || Files.exists(tmp.resolve("missing")
                .resolve(ResultsFolder.RESULTS_JSON)), "no cell ran, no results were written");
    }

    /**
     * A cell whose recorded failure came from outside it (here the disk was full when it ran, as a real run's
     * results.json records it) is run again by --resume; a cell that failed for its own reasons is kept.
     */
    @Test
    void resumeRunsAgainACellThatFailedForAReasonOutsideIt() throws IOException {
        Path copy = tmp.resolve("disk-was-full");
        copyFolder(run, copy);
        Path json = copy.resolve("results.json");
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(json.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode cell = (com.fasterxml.jackson.databind.node.ObjectNode) root.withArray("cells").get(0);
        String id = cell.get("id").asText();
        cell.put("status", "failed").put("reason", "cannot write /x/logs/cell.cell.json: No space left on device");
        cell.remove("metrics");
        root.put("complete", false);
        m.writeValue(json.toFile(), root);

        Outcome o = TestRuns.runBench("--resume", copy.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.err().contains("0 of 1 cells already ended, 1 to run"), o.err());
        RunResults after = ResultsFolder.read(copy);
        assertEquals(CellStatus.OK, after.cell(id).orElseThrow().status(), "rerun and measured");
        assertTrue(after.complete());
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals(".lock")) {
                    Files.copy(f, target);
                }
            }
        }
    }

    @Test
    void resumeRefusesAnotherOut() {
        Outcome o = TestRuns.runBench("--resume", run.toString(), "--out", tmp.resolve("other").toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(errorLine(o).startsWith("run-bench: --resume continues a run in its own folder with its own profile; give no --out"), o.err());
    }

    @Test
    void unknownRuntimesNameTheFlagBeforeAnyResultsLine() {
        Outcome o = TestRuns.runBench("--matrix", "quick", "--runtimes", "bogus", "--out", tmp.resolve("bogus").toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(errorLine(o).startsWith("run-bench: command line: field runtimes[0]: unknown runtime 'bogus': expected one of onnxruntime,"),
                o.err());
        assertFalse(o.err().contains("results "), "no results folder is announced for a run that will not start: " + o.err());
    }

    @Test
    void theProfilesDescriptionIsInTheReportEscaped() throws IOException {
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("small &lt;script&gt;alert(1)&lt;/script&gt; profile"), "the description, escaped");
        assertFalse(html.contains("<script>alert(1)"), "never as markup");
    }

    @Test
    void externalCommandsAreBoundedSoAHungProbeCannotHangARun() {
        long t0 = System.nanoTime();
        BoundedCommand.Result r = BoundedCommand.run(List.of("sleep", "60"), Duration.ofMillis(500));
        assertTrue(r.timedOut(), r.output());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "killed at its bound, not after 60 s");
        assertFalse(BoundedCommand.run(List.of("no-such-command-anywhere"), Duration.ofSeconds(5)).started());
    }
}
