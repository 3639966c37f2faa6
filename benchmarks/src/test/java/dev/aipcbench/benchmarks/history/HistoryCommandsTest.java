package dev.aipcbench.benchmarks.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.benchmarks.TestRuns;
import dev.aipcbench.benchmarks.cli.Main;
import dev.aipcbench.history.store.PostgresServer;
import dev.aipcbench.reports.html.HeadlessChromium;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.RuntimeInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history end to end, on a real PostgreSQL server (started by the test, see PostgresServer) and on a
 * SQLite file: real matrix runs published, listed, reported, gated against the machine's history, exported
 * back; an interrupted run and its --resume; and the store errors, one line each, exit 2, nothing written.
 */
class HistoryCommandsTest {
    @TempDir
    static Path tmp;
    /** A real quick run of this machine, with its ONNX Runtime cells. */
    static Path machineA;
    /** The same results as another machine's: another fingerprint and host name. */
    static Path machineB;

    @BeforeAll
    static void realRuns() throws Exception {
        machineA = tmp.resolve("runs/a");
        // the run publishes itself as it finishes
        assertEquals(0, Main.run("--matrix", "quick", "--runtimes", "onnxruntime", "--out", machineA.toString(), "--cache-dir",
                TestRuns.cacheDir(), "--iterations", "2", "--no-report", "--publish", "jdbc:sqlite:" + tmp.resolve("matrix.db")));
        machineB = tmp.resolve("runs/b");
        RunResults a = ResultsFolder.read(machineA);
        RunResults b = new RunResults(a.schema(), "b-run", a.started(), a.finished(), a.complete(), a.suiteVersion(), a.profileName(),
                a.profile(), a.commandLine(), withHost(a, "sha256:" + "b".repeat(64), "machine-b"), a.runtimes(), a.plannedCells(),
                a.cells(), a.reference());
        new ResultsFolder(machineB).write(b);
    }

    private static dev.aipcbench.results.HostInfo withHost(RunResults r, String fingerprint, String hostname) {
        var h = r.host();
        return new dev.aipcbench.results.HostInfo(fingerprint, hostname, h.os(), h.osVersion(), h.arch(), h.cpu(), h.memoryBytes(),
                h.accelerators(), h.jvm());
    }

    /** A store URL of the kind, empty. */
    private static String store(String kind, Path dir) throws Exception {
        return kind.equals("postgresql") ? PostgresServer.shared().newDatabase() : "jdbc:sqlite:" + dir.resolve("history.db");
    }

    private static Connection jdbc(String url) throws Exception {
        return url.startsWith("jdbc:sqlite:") ? DriverManager.getConnection(url) : DriverManager.getConnection(url, PostgresServer.credentials());
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = jdbc(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Runs the command line, returning exit code, what it printed on stderr and what on stdout. */
    private static Object[] run(String... args) {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
        ByteArrayOutputStream outBuf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errBuf, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(outBuf, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Object[] {code, errBuf.toString(StandardCharsets.UTF_8), outBuf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
    }

    @org.junit.jupiter.api.Test
    void aMatrixRunPublishesAsItFinishes() throws Exception {
        String db = "jdbc:sqlite:" + tmp.resolve("matrix.db");
        assertEquals(ResultsFolder.read(machineA).cells().size(), count(db, "SELECT COUNT(*) FROM cell"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM run WHERE complete = 1"));
    }

    @org.junit.jupiter.api.Test
    void historyListsRunsHostsAndCellsAndTheReportFilters(@TempDir Path dir) throws Exception {
        String db = store("sqlite", dir);
        publish(db, machineA);
        publish(db, machineB);
        RunResults a = ResultsFolder.read(machineA);
        Object[] runs = run("history", "--db", db);
        assertEquals(0, runs[0], (String) runs[1]);
        String listed = (String) runs[2];
        assertEquals(3, listed.lines().count(), listed); // a header and one line per run
        assertTrue(listed.contains(a.runId()) && listed.contains("b-run") && listed.contains("machine-b"), listed);

        String hosts = (String) run("history", "hosts", "--db", db)[2];
        assertTrue(hosts.contains("machine-b") && hosts.contains(a.host().hostname()), hosts);

        Object[] cells = run("history", "cells", "b-run", "--db", db);
        assertEquals(0, cells[0], (String) cells[1]);
        for (CellResult c : a.cells()) {
            assertTrue(((String) cells[2]).contains(c.id() + " ") && ((String) cells[2]).contains(c.status().id()), (String) cells[2]);
        }
        Object[] outer = run("history", "--db", db, "cells", "b-run");
        assertEquals(cells[2], outer[2], "--db before the subcommand names the store too");
        Object[] missing = run("history", "cells", "no-such-run", "--db", db);
        assertEquals(2, missing[0]);
        assertOneLine((String) missing[1], "no run no-such-run");

        // a third machine whose folder has machine A's name: the run id alone no longer says which run
        RunResults c = new RunResults(a.schema(), a.runId(), a.started(), a.finished(), a.complete(), a.suiteVersion(), a.profileName(),
                a.profile(), a.commandLine(), withHost(a, "sha256:" + "c".repeat(64), "machine-c"), a.runtimes(), a.plannedCells(),
                a.cells(), a.reference());
        Path machineC = dir.resolve("c");
        new ResultsFolder(machineC).write(c);
        publish(db, machineC);
        Object[] ambiguous = run("history", "export", a.runId(), "--out", dir.resolve("x").toString(), "--db", db);
        assertEquals(2, ambiguous[0]);
        assertOneLine((String) ambiguous[1], "run id " + a.runId() + " names 2 runs; give its run key: ");
        String key = "sha256:" + "c".repeat(64) + "|" + a.runId() + "|" + a.started();
        assertEquals(0, run("history", "export", key, "--out", dir.resolve("x").toString(), "--db", db)[0]);
        assertEquals("machine-c", ResultsFolder.read(dir.resolve("x")).host().hostname());
        Object[] twice = run("history", "export", key, "--out", dir.resolve("x").toString(), "--db", db);
        assertEquals(2, twice[0]);
        assertOneLine((String) twice[1], "already holds a run");

        Object[] future = run("report", "--db", db, "--since", "2999-01-01", "--out", dir.resolve("r1").toString());
        assertEquals(2, future[0]);
        assertOneLine((String) future[1], "no published run matches --since 2999-01-01T00:00:00Z");
        Object[] garbage = run("report", "--db", db, "--since", "yesterday", "--out", dir.resolve("r2").toString());
        assertEquals(2, garbage[0]);
        assertOneLine((String) garbage[1], "--since: expected a date like 2026-12-01");
        Object[] noRuntime = run("report", "--db", db, "--runtimes", "llama.cpp", "--out", dir.resolve("r3").toString());
        assertEquals(2, noRuntime[0]);
        assertOneLine((String) noRuntime[1], "--runtimes llama.cpp");
        Object[] both = run("report", "--db", db, "--in", machineA.toString(), "--out", dir.resolve("r4").toString());
        assertEquals(2, both[0]);
        assertOneLine((String) both[1], "not both");
    }

    /** A copy of run A as a later run of the same machine, its latencies scaled and its ONNX Runtime version as given. */
    private static Path laterRunOfA(Path dir, String runId, int minutesLater, double scale, String ortVersion) throws Exception {
        RunResults a = ResultsFolder.read(machineA);
        List<CellResult> cells = new ArrayList<>();
        for (CellResult c : a.cells()) {
            if (c.metrics() == null) {
                cells.add(c);
                continue;
            }
            Map<String, Metric> scaled = c.metrics().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
                Metric m = e.getValue();
                double f = m.better() == Metric.Better.LOWER ? scale : 1 / scale;
                return Metric.of(m.unit(), m.better(), m.samples().stream().map(fork -> fork.stream().map(v -> v * f).toList()).toList());
            }));
            cells.add(c.withMetrics(scaled));
        }
        List<RuntimeInfo> runtimes = a.runtimes().stream().map(r -> r.id().equals("onnxruntime")
                ? new RuntimeInfo(r.id(), ortVersion, r.available(), r.reason(), r.providers()) : r).toList();
        String started = Instant.parse(a.started()).plusSeconds(60L * minutesLater).toString();
        new ResultsFolder(dir).write(new RunResults(a.schema(), runId, started, a.finished(), a.complete(), a.suiteVersion(),
                a.profileName(), a.profile(), a.commandLine(), a.host(), runtimes, a.plannedCells(), cells, a.reference()));
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void twoMachinesPublishedOnceReportedAndGatedAgainstTheirHistory(String kind, @TempDir Path dir) throws Exception {
        String db = store(kind, dir);
        Object[] p = run("publish", machineA.toString(), machineB.toString(), "--db", db);
        assertEquals(0, p[0], (String) p[1]);
        RunResults a = ResultsFolder.read(machineA);
        long cells = a.cells().size();
        assertEquals(2, count(db, "SELECT COUNT(*) FROM run"));
        assertEquals(2, count(db, "SELECT COUNT(*) FROM host"));
        assertEquals(2 * cells, count(db, "SELECT COUNT(*) FROM cell"));
        long samples = a.cells().stream().filter(c -> c.metrics() != null).flatMap(c -> c.metrics().values().stream())
                .mapToLong(m -> m.allSamples().length).sum();
        assertEquals(2 * samples, count(db, "SELECT COUNT(*) FROM sample"));

        Object[] again = run("publish", machineA.toString(), "--db", db);
        assertEquals(0, again[0]);
        assertTrue(((String) again[1]).contains("0 cell(s) added, 0 replaced, " + cells + " already stored"), (String) again[1]);
        assertEquals(2 * cells, count(db, "SELECT COUNT(*) FROM cell"));

        // the store gives the run back as it was
        Path exported = dir.resolve("exported");
        assertEquals(0, run("history", "export", a.runId(), "--out", exported.toString(), "--db", db)[0]);
        RunResults back = ResultsFolder.read(exported);
        Map<String, CellResult> original = a.cells().stream().collect(Collectors.toMap(CellResult::id, Function.identity()));
        assertEquals(original.keySet(), back.cells().stream().map(CellResult::id).collect(Collectors.toSet()));
        for (CellResult c : back.cells()) {
            assertEquals(ResultsFolder.JSON.valueToTree(original.get(c.id())), ResultsFolder.JSON.valueToTree(c), c.id());
        }
        int series = 0;
        for (CellResult c : a.cells()) {
            if (c.telemetry() != null && c.telemetry().seriesFile() != null && Files.isRegularFile(machineA.resolve(c.telemetry().seriesFile()))) {
                assertEquals(Files.readString(machineA.resolve(c.telemetry().seriesFile())), Files.readString(exported.resolve(c.telemetry().seriesFile())));
                series++;
            }
        }
        assertTrue(series > 0, "the run's telemetry series come back with it");
        ObjectNode withoutCells = ResultsFolder.JSON.valueToTree(a);
        withoutCells.remove("cells");
        ObjectNode backWithoutCells = ResultsFolder.JSON.valueToTree(back);
        backWithoutCells.remove("cells");
        assertEquals(withoutCells, backWithoutCells);

        // the report of the store compares both machines and trends them
        Path report = dir.resolve("report");
        Object[] r = run("report", "--db", db, "--out", report.toString());
        assertEquals(0, r[0], (String) r[1]);
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("machine-b") && html.contains(a.host().hostname()), "both machines in the comparison");
        assertTrue(Files.isRegularFile(report.resolve("trends.html")));
        Object[] onlyB = run("report", "--db", db, "--hosts", "machine-b", "--out", dir.resolve("report-b").toString());
        assertEquals(0, onlyB[0], (String) onlyB[1]);
        assertFalse(Files.readString(dir.resolve("report-b/report.html")).contains(">" + a.host().hostname() + "<"));

        // machine A's history: four runs alike, then a new ONNX Runtime and 40 % slower latencies
        String ort = a.runtimes().stream().filter(x -> x.id().equals("onnxruntime")).findFirst().orElseThrow().version();
        for (int i = 2; i <= 4; i++) {
            publish(db, laterRunOfA(dir.resolve("a" + i), "a" + i, 10 * i, 1.0, ort));
        }
        Path slower = laterRunOfA(dir.resolve("a5"), "a5", 50, 1.4, "9.9.9");
        Object[] g = run("gate", "--history", db, "--last", "4", "--current", slower.toString(), "--threshold", "5%");
        String gateOut = (String) g[1];
        assertEquals(1, g[0], gateOut);
        assertTrue(gateOut.contains("against 4 earlier run(s) of this machine (a, a2, a3, a4)") && gateOut.contains("REGRESSION onnxruntime/cpu/"),
                gateOut);

        // once the slower runs are history, the change point says where the metric moved and with which version
        publish(db, slower);
        publish(db, laterRunOfA(dir.resolve("a6"), "a6", 60, 1.4, "9.9.9"));
        publish(db, laterRunOfA(dir.resolve("a7"), "a7", 70, 1.4, "9.9.9"));
        Path current = laterRunOfA(dir.resolve("a8"), "a8", 80, 1.4, "9.9.9");
        Object[] h = run("gate", "--history", db, "--last", "7", "--current", current.toString(), "--threshold", "5%");
        assertTrue((int) h[0] == 0 || (int) h[0] == 1, (String) h[1]);
        String changes = Files.readString(current.resolve("gate/changepoints.md"));
        assertTrue(changes.contains("| a5 |") && changes.contains("onnxruntime " + ort + " -> 9.9.9"), changes);
        assertTrue(((String) h[1]).contains("CHANGE onnxruntime/cpu/"), (String) h[1]);

        Path trends = dir.resolve("trends");
        assertEquals(0, run("report", "--db", db, "--out", trends.toString())[0]);
        String page = Files.readString(trends.resolve("trends.html"));
        assertTrue(page.contains("9.9.9") && page.contains("<img"), "the version change is marked on the trends page");
        if (kind.equals("sqlite")) { // the page is the same whichever store: look at it once
            try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium-profile"))) {
                chromium.open(trends.resolve("trends.html"));
                assertEquals(List.of(), chromium.consoleErrors());
                assertEquals(0L, chromium.script("return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).length;"));
                assertTrue((Long) chromium.script("return document.images.length;") >= 2, "trend charts are embedded");
                assertEquals(1L, chromium.script("return document.querySelectorAll('#version-changes tr').length - 1;"),
                        "one version change: onnxruntime at a5");
                chromium.screenshot(Path.of("target", "screenshots", "history-trends.png").toAbsolutePath(), 30_000);
            }
        }
    }

    private static void publish(String db, Path folder) {
        Object[] p = run("publish", folder.toString(), "--db", db);
        assertEquals(0, p[0], (String) p[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anInterruptedRunPublishesItsFinishedCellsAndItsResumeTheRest(String kind, @TempDir Path dir) throws Exception {
        String db = store(kind, dir);
        // what an interrupted run leaves: results.json is written after every cell, so it holds the finished ones
        RunResults a = ResultsFolder.read(machineA);
        int finished = a.cells().size() / 2;
        Path run = dir.resolve("interrupted");
        new ResultsFolder(run).write(new RunResults(a.schema(), "interrupted", a.started(), a.finished(), false, a.suiteVersion(),
                a.profileName(), a.profile(), a.commandLine(), a.host(), a.runtimes(), a.plannedCells(), a.cells().subList(0, finished),
                a.reference()));
        publish(db, run);
        assertEquals(finished, count(db, "SELECT COUNT(*) FROM cell"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM run WHERE complete = 1"));

        assertEquals(0, Main.run("--resume", run.toString(), "--cache-dir", TestRuns.cacheDir(), "--no-report"));
        RunResults resumed = ResultsFolder.read(run);
        assertTrue(resumed.complete());
        Object[] p = run("publish", run.toString(), "--db", db);
        assertEquals(0, p[0], (String) p[1]);
        // the resumed cells are added; a finished cell the resume touched again (its agreement with the reference,
        // set when the run completes) replaces its earlier row, never adds a second one
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) cell\\(s\\) added, (\\d+) replaced, (\\d+) already stored")
                .matcher((String) p[1]);
        assertTrue(m.find(), (String) p[1]);
        assertEquals(resumed.cells().size() - finished, Integer.parseInt(m.group(1)), (String) p[1]);
        assertEquals(finished, Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)), (String) p[1]);
        assertEquals(resumed.cells().size(), count(db, "SELECT COUNT(*) FROM cell"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM run WHERE complete = 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aNewerSchemaAndAFailedPublishWriteNothing(String kind, @TempDir Path dir) throws Exception {
        String db = store(kind, dir);
        publish(db, machineB);
        long cells = count(db, "SELECT COUNT(*) FROM cell");

        // two cells of one id: the second insert fails, and the run's transaction takes the first back with it
        RunResults a = ResultsFolder.read(machineA);
        List<CellResult> twice = new ArrayList<>(a.cells());
        twice.add(a.cells().get(0));
        Path broken = dir.resolve("broken");
        new ResultsFolder(broken).write(new RunResults(a.schema(), a.runId(), a.started(), a.finished(), a.complete(), a.suiteVersion(),
                a.profileName(), a.profile(), a.commandLine(), a.host(), a.runtimes(), a.plannedCells(), twice, a.reference()));
        Object[] p = run("publish", broken.toString(), "--db", db);
        assertEquals(2, p[0]);
        assertOneLine((String) p[1], "nothing of this run was written");
        assertEquals(1, count(db, "SELECT COUNT(*) FROM run"));
        assertEquals(cells, count(db, "SELECT COUNT(*) FROM cell"));

        try (Connection c = jdbc(db); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO aipcbench_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, installed_on, execution_time, success) VALUES (99, '2', 'from a newer suite', 'SQL', 'V2__newer.sql', 0,"
                    + " 'test', CURRENT_TIMESTAMP, 1, " + (kind.equals("sqlite") ? "1" : "true") + ")");
        }
        Object[] newer = run("publish", machineA.toString(), "--db", db);
        assertEquals(2, newer[0]);
        assertOneLine((String) newer[1], "history schema is at version 2, newer than this aipc-bench knows (1)");
        assertEquals(1, count(db, "SELECT COUNT(*) FROM run"));
    }

    @org.junit.jupiter.api.Test
    void aBadUrlAServerDownAndAWrongPasswordAreOneLineEachAndExit2(@TempDir Path dir) throws Exception {
        Object[] bad = run("publish", machineA.toString(), "--db", "jdbc:mysql://localhost/history");
        assertEquals(2, bad[0]);
        assertOneLine((String) bad[1], "--db jdbc:mysql://localhost/history: expected a JDBC URL");

        Object[] inUrl = run("publish", machineA.toString(), "--db", "jdbc:postgresql://127.0.0.1/h?user=a&password=secret");
        assertEquals(2, inUrl[0]);
        assertOneLine((String) inUrl[1], "a password in the URL is refused");
        assertFalse(((String) inUrl[1]).contains("secret"));

        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Object[] down = run("publish", machineA.toString(), "--db", "jdbc:postgresql://127.0.0.1:" + port + "/history");
        assertEquals(2, down[0]);
        assertOneLine((String) down[1], "cannot connect: Connection to 127.0.0.1:" + port + " refused");

        // the password comes from the environment: a fresh process with the wrong one
        String db = PostgresServer.shared().newDatabase();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "publish", machineA.toString(), "--db", db)
                .redirectErrorStream(true);
        pb.environment().put("AIPCBENCH_DB_PASSWORD", "wrong");
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, proc.waitFor(), out);
        assertOneLine(out, "password authentication failed for user \"aipc\"");
        assertFalse(out.contains("wrong"), "the password is never printed");
        try (Connection c = jdbc(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'run'")) {
            r.next();
            assertEquals(0, r.getLong(1), "nothing was created");
        }
    }

    private static void assertOneLine(String stderr, String expected) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), stderr);
        assertTrue(lines.get(0).startsWith("run-bench: ") && lines.get(0).contains(expected), stderr);
    }
}
