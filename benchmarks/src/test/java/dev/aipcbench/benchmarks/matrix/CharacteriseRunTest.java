package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.benchmarks.TestRuns;
import dev.aipcbench.benchmarks.TestRuns.Outcome;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.Ceilings;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.MetricDefinition;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run-bench characterise} on real runtimes: ONNX Runtime's MatMul/MatMulNBits and OpenVINO's
 * compressed-weight MatMul on the tiny model's largest projection, the fork's own threads reading a buffer
 * (shrunk to 8 MiB for the test), into a normal results folder whose ceilings the token cells read back; a
 * runtime that cannot run a bare graph says so; bad sweeps are one-line usage errors.
 */
class CharacteriseRunTest {

    /** The command with the test's sizes; {@code extra} flags come last ({@code --buffer-mib} replaces the test's 8). */
    private static String[] args(Path out, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("characterise", "--devices", "cpu", "--forks", "1",
                "--iterations", "2", "--no-telemetry", "--no-report", "--out", out.toString(), "--cache-dir", TestRuns.cacheDir()));
        if (!List.of(extra).contains("--buffer-mib")) {
            a.addAll(List.of("--buffer-mib", "8"));
        }
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void characterisesTheCpuThroughOnnxRuntimeAndOpenVinoAndTheTokenCellsReadTheCeilings(@TempDir Path tmp) throws java.io.IOException {
        Path out = tmp.resolve("run");
        // the tiny model's shape; a disturbed fork is kept, not rerun: what is checked is what the cells record, not how steady
        Path profile = Files.writeString(tmp.resolve("tiny-no-reruns.json"),
                "{\"model\": {\"synthetic\": {\"size\": \"tiny\"}}, \"interference\": {\"reruns\": 0}}");
        Outcome o = TestRuns.runBench(args(out, "--profile", profile.toString(), "--runtimes", "onnxruntime,openvino", "--precisions", "int4,fp32",
                "--threads", "1"));
        assertEquals(0, o.exit(), o.err());
        RunResults r = ResultsFolder.read(out);
        assertEquals(4, r.cells().size(), r.cells().toString());
        for (CellResult c : r.cells()) {
            assertEquals(CellStatus.OK, c.status(), c.id() + ": " + c.reason() + "\n" + c.stderrTail());
            assertTrue(c.workload() instanceof Workload.Characterise, c.id());
            int threads = ((Workload.Characterise) c.workload()).threads();
            assertEquals(threads, c.settings().get("threads"), c.settings().toString());
            for (MetricDefinition d : List.of(MetricCatalog.READ_GB_S, MetricCatalog.MATMUL_M1_GB_S, MetricCatalog.MATMUL_M512_GFLOP_S)) {
                Metric m = c.metrics().get(d.name());
                assertTrue(m != null && !m.samples().isEmpty() && m.samples().stream().allMatch(fork -> fork.size() == 2),
                        "two measured shots a fork: " + c.id() + " " + d.name() + ": " + c.metrics());
                assertTrue(m.summary().median() > 0, c.id() + " " + d.name() + ": " + m);
                assertEquals(d.unit(), m.unit());
            }
            assertTrue(c.session().get("matmul_probe_m1").startsWith("[1 x 256] x [256 x 1024]"), "the tiny model's gate_up: " + c.session());
            assertTrue(c.session().get("matmul_probe_m512").startsWith("[512 x 256]"), c.session().toString());
        }
        assertTrue(r.cells().stream().allMatch(c -> c.session().get("read_probe").contains("1 thread(s), each summing its own slice of 8 MiB")),
                r.cells().toString());

        Ceilings ceilings = Ceilings.of(r.cells());
        assertEquals(1, ceilings.readBandwidth("cpu", 2).orElseThrow().threads(), "no 2-thread cell: the best measured");
        Ceilings.Ceiling ov = ceilings.matmulM1("cpu", "int4", "openvino", 1).orElseThrow();
        assertEquals("openvino", ov.runtime());
        assertEquals("openvino/cpu/int4/characterise-t1", ov.cellId());
        Ceilings.Ceiling ort = ceilings.matmulM512("cpu", "fp32", "onnxruntime", 1).orElseThrow();
        assertEquals("onnxruntime/cpu/fp32/characterise-t1", ort.cellId());
        assertEquals(MetricCatalog.MATMUL_M512_GFLOP_S.unit(), ort.unit());
        assertTrue(Files.isRegularFile(out.resolve(ResultsFolder.RESULTS_JSON)));
    }

    /**
     * An interrupted characterise run (here its one probe recorded as failed for a reason outside it, as a full disk
     * leaves it) is continued by {@code characterise --resume}, which reruns that probe and publishes the whole run;
     * probe flags beside --resume are refused, as the matrix's are.
     */
    @Test
    void anInterruptedCharacteriseRunResumesAndPublishes(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Outcome first = TestRuns.runBench(args(out, "--profile", "ci", "--runtimes", "onnxruntime", "--precisions", "int4", "--threads", "1"));
        assertEquals(0, first.exit(), first.err());
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        Path json = out.resolve(ResultsFolder.RESULTS_JSON);
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(json.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode cell = (com.fasterxml.jackson.databind.node.ObjectNode) root.withArray("cells").get(0);
        String id = cell.get("id").asText();
        cell.put("status", "failed").put("reason", "cannot write " + out + "/logs/x.cell.json: No space left on device");
        cell.remove("metrics");
        root.put("complete", false);
        m.writeValue(json.toFile(), root);

        Outcome flags = TestRuns.runBench("characterise", "--resume", out.toString(), "--threads", "2");
        assertEquals(2, flags.exit(), flags.err());
        assertTrue(flags.errorLine().startsWith("run-bench: --resume continues a characterise run in its own folder"), flags.err());

        String db = "jdbc:sqlite:" + tmp.resolve("history.db");
        Outcome resumed = TestRuns.runBench("characterise", "--resume", out.toString(), "--publish", db, "--no-report",
                "--cache-dir", TestRuns.cacheDir());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("0 of 1 cells already ended, 1 to run"), resumed.err());
        RunResults r = ResultsFolder.read(out);
        assertTrue(r.complete());
        assertEquals(CellStatus.OK, r.cell(id).orElseThrow().status(), "measured again");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM cell")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "the resumed run's probe is in the store");
        }
    }

    @Test
    void aRuntimeThatCannotRunABareGraphSaysSo(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        Outcome o = TestRuns.runBench(args(out, "--runtimes", "llama.cpp,onnxruntime-genai", "--threads", "1"));
        assertEquals(0, o.exit(), o.err());
        RunResults r = ResultsFolder.read(out);
        assertEquals(2, r.cells().size(), r.cells().toString());
        for (CellResult c : r.cells()) {
            assertEquals(CellStatus.UNSUPPORTED, c.status(), c.toString());
            assertTrue(c.reason().startsWith(c.runtime() + " runs only whole generation pipelines, not a bare graph"), c.reason());
            assertTrue(c.model().name().startsWith("phi3-mini-int4"), "characterise plans Phi-3-mini's shape by default: " + c.model());
        }
    }

    @Test
    void badSweepsAreOneLineUsageErrors(@TempDir Path tmp) {
        Outcome zero = TestRuns.runBench(args(tmp.resolve("zero"), "--threads", "0"));
        assertEquals(2, zero.exit(), zero.err());
        String line = errorLine(zero);
        assertTrue(line.contains("workloads.characterise.threads") && line.contains("0 (the runtime's choice) is for accelerators"), line);

        Outcome negative = TestRuns.runBench(args(tmp.resolve("negative"), "--threads", "-1"));
        assertEquals(2, negative.exit(), negative.err());
        assertTrue(errorLine(negative).contains("field workloads.characterise.threads: expected a list of thread counts"), negative.err());

        Outcome buffer = TestRuns.runBench(args(tmp.resolve("buffer"), "--buffer-mib", "0"));
        assertEquals(2, buffer.exit(), buffer.err());
        assertTrue(errorLine(buffer).contains("workloads.characterise.buffer_mib: expected an integer >= 1"), buffer.err());
        assertFalse(Files.exists(tmp.resolve("zero").resolve(ResultsFolder.RESULTS_JSON)));
    }

    private static String errorLine(Outcome o) {
        return o.errorLine();
    }
}
