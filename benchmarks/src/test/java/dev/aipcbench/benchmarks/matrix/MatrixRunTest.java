package dev.aipcbench.benchmarks.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aipcbench.benchmarks.cli.Main;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.reports.roofline.RooflineField;
import dev.aipcbench.results.Ceilings;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.TelemetryResult;
import dev.aipcbench.results.Workload;
import dev.aipcbench.harness.testing.TestModels;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real matrix runs: real JMH forks, real ONNX Runtime sessions on the tiny synthetic models. */
class MatrixRunTest {

    private static String cacheDir() {
        return dev.aipcbench.benchmarks.TestRuns.cacheDir();
    }

    @Test
    void quickMatrixRunsCpuCellsAndSkipsTheMissingDevicesSayingWhy(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        int code = Main.run("--matrix", "quick", "--out", out.toString(), "--cache-dir", cacheDir(), "--iterations", "2");
        assertEquals(0, code);
        RunResults r = ResultsFolder.read(out);
        assertTrue(r.complete());
        assertEquals(r.plannedCells(), r.cells().size());
        for (CellResult c : r.cells()) {
            if (c.device().equals("cpu") && c.workload() instanceof Workload.Characterise && !List.of("onnxruntime", "openvino").contains(c.runtime())) {
                // the characterise probe runs through the runtimes that run a bare graph; the others say so
                assertEquals(CellStatus.UNSUPPORTED, c.status(), c.id());
                assertTrue(c.reason().contains("not a bare graph"), c.id() + ": " + c.reason());
            } else if (c.device().equals("cpu")) {
                assertEquals(CellStatus.OK, c.status(), c.id() + ": " + c.reason() + "\n" + c.stderrTail());
            } else if (c.status() == CellStatus.UNSUPPORTED) {
                // a runtime with no backend for the device at all (llama.cpp on an NPU): said as such
                assertTrue(c.reason() != null && c.reason().contains(c.runtime()), c.id() + ": " + c.reason());
            } else {
                assertEquals(CellStatus.SKIPPED, c.status(), c.id());
                // What the runtime looked for, then what the host has: the two problems a user can have. (ONNX
                // Runtime's providers, and genai's through the same OpenVINO EP step, say what device they missed;
                // llama.cpp that its build has no GPU backend.)
                String reason = c.reason();
                boolean lookedFor = reason.contains(c.device().equals("npu") ? "no NPU found" : "no integrated GPU found")
                        || reason.contains("unavailable in " + c.runtime()) || reason.contains("no GPU backend");
                assertTrue(lookedFor && reason.contains("the host probe found no " + c.device()), c.id() + ": " + reason);
            }
        }
        // The quick preset plans every runtime installed here: the suite's runtime environment has onnxruntime-genai.
        assertTrue(r.cell("onnxruntime-genai/cpu/int4/generate-p128-g64").map(CellResult::ok).orElse(false), "genai planned and ok");
        // The quick preset's characterise probe places its token cells on the roofline: the generate cell's decode
        // and prefill as a share of the ceilings measured at its own thread count.
        Ceilings ceilings = Ceilings.of(r.cells());
        CellResult probe = r.cells().stream().filter(c -> c.id().startsWith("onnxruntime/cpu/int4/characterise-")).findFirst().orElseThrow();
        assertEquals(CellStatus.OK, probe.status(), probe.id() + ": " + probe.reason());
        int threads = ((Workload.Characterise) probe.workload()).threads();
        assertEquals(r.cell("onnxruntime/cpu/int4/generate-p128-g64").orElseThrow().settings().get("threads"), threads,
                "one probe, at the token cells' own thread count");
        assertTrue(ceilings.readBandwidth("cpu", threads).isPresent() && ceilings.matmulM512("cpu", "int4", "onnxruntime", threads).isPresent());
        for (RooflineField field : RooflineField.ALL) {
            RooflineField.Value v = field.value(r.cell("onnxruntime/cpu/int4/generate-p128-g64").orElseThrow(), ceilings);
            assertTrue(v.percent() > 0 && v.text().contains("%"), field.name() + ": " + v.text());
        }
        // Where each runtime says it ran: ONNX Runtime's node split, genai's own device_type.
        assertTrue(r.cell("onnxruntime/cpu/int4/generate-p128-g64").orElseThrow().executedOn().runtime()
                .contains("ep_node_assignment CPUExecutionProvider"), "ORT's node assignment");
        assertTrue(r.cell("onnxruntime-genai/cpu/int4/generate-p128-g64").orElseThrow().executedOn().runtime()
                .contains("device_type CPU"), "genai's OgaModelGetDeviceType");
        // Same weights, same tokens: the probe of every generate cell against the fp32 reference, run apart.
        assertTrue(r.reference().source().contains("phi3-tiny-fp32-seed42"), r.reference().source());
        for (String id : List.of("onnxruntime/cpu/int4/generate-p128-g64", "onnxruntime-genai/cpu/int4/generate-p128-g64")) {
            CellResult.Agreement a = r.cell(id).orElseThrow().output().agreement();
            assertEquals(16, a.of(), id);
            assertTrue(a.leading() >= 12 && a.cosine() > 0.99, id + ": int4 against fp32 " + a);
        }
        CellResult generate = r.cell("onnxruntime/cpu/int4/generate-p128-g64").orElseThrow();
        for (String m : List.of(MetricCatalog.TTFT_MS.name(), MetricCatalog.TPOT_MS.name(), MetricCatalog.DECODE_TOK_S.name(), MetricCatalog.PREFILL_TOK_S.name(),
                MetricCatalog.E2E_MS.name(), MetricCatalog.ITL_MS.name())) {
            assertTrue(generate.metrics().containsKey(m), m);
            assertTrue(generate.metrics().get(m).summary().median() > 0, m);
        }
        assertEquals(2, generate.metrics().get(MetricCatalog.TTFT_MS.name()).samples().get(0).size(), "2 measured iterations in one fork");
        assertEquals(64, generate.tokenLatencies().get(0).get(0).size(), "every generated token's latency is kept");
        assertEquals("CPUExecutionProvider", generate.session().get("provider"));
        // The fork records what a token of its model costs (the roofline's bytes) and its profiled steps (the anatomy).
        assertEquals(Long.toString(dev.aipcbench.harness.model.cost.ModelTokenCost.of(java.nio.file.Path.of(generate.model().path()))
                .cost().weightBytes()), generate.session().get(dev.aipcbench.results.TokenCost.WEIGHT_BYTES), generate.session().toString());
        assertTrue(dev.aipcbench.results.TokenAnatomy.of(generate, dev.aipcbench.results.TokenAnatomy.Step.DECODE).isPresent(),
                generate.session().toString());
        assertTrue(r.cell("onnxruntime/cpu/int4/load").orElseThrow().metrics().containsKey(MetricCatalog.LOAD_WARM_MS.name()));

        // Telemetry recorded beside every cell that ran: OSHI CPU, memory and the fork's peak RSS; the
        // NPU, iGPU and RAPL sources unavailable with the reason they found.
        for (CellResult c : r.cells()) {
            if (!c.ok()) {
                continue;
            }
            Map<String, TelemetryResult.Source> sources = c.telemetry().sources().stream()
                    .collect(Collectors.toMap(TelemetryResult.Source::source, s -> s));
            TelemetryResult.Source oshi = sources.get("oshi");
            assertEquals("ok", oshi.status(), c.id());
            assertTrue(oshi.signals().get("cpu_load_pct").n() > 0 && oshi.signals().containsKey("mem_used_mb"), c.id());
            assertTrue(oshi.signals().containsKey("fork_rss_mb"), c.id() + " has no fork_rss_mb: " + oshi.signals().keySet());
            assertTrue(oshi.signals().get("fork_rss_mb").peak() > 50, c.id() + ": the fork's peak RSS, in MB");
            assertEquals("unavailable", sources.get("intel-npu").status());
            assertTrue(sources.get("intel-npu").reason().contains("/sys/class/accel"), sources.get("intel-npu").reason());
            assertTrue(sources.get("intel-gpu").reason().contains("/sys/class/drm"), sources.get("intel-gpu").reason());
            assertTrue(sources.get("rapl").reason().contains("intel-rapl"), sources.get("rapl").reason());
            assertTrue(Files.size(out.resolve(c.telemetry().seriesFile())) > 100, "series written");
        }

        JsonNode jmh = new ObjectMapper().readTree(out.resolve(ResultsFolder.JMH_JSON).toFile());
        JsonNode gen = null;
        for (JsonNode b : jmh) {
            if (b.get("benchmark").asText().endsWith("GenerateBenchmark.generate")) {
                gen = b;
            }
        }
        assertNotNull(gen, "jmh.json holds the generate benchmark");
        JsonNode secondary = gen.get("secondaryMetrics");
        // jmh.json is what JMH wrote: the suite's metrics as JMH secondary results, nothing the host added.
        assertTrue(secondary.has("ttft_ms") && secondary.has("tpot_ms") && secondary.has("peak_rss_mb"), secondary.toString());
        assertEquals(2, secondary.get("tpot_ms").get("rawData").get(0).size(), "one sample per measured iteration");
        assertFalse(secondary.fieldNames().hasNext() && secondary.toString().contains("telemetry."), "telemetry stays in results.json");

        try (Reader in = Files.newBufferedReader(out.resolve(ResultsFolder.RESULTS_CSV));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<CSVRecord> rows = csv.getRecords();
            assertTrue(rows.stream().anyMatch(row -> row.get("cell").equals(generate.id()) && row.get("metric").equals("tpot_ms")));
            assertTrue(rows.stream().anyMatch(row -> row.get("status").equals("skipped") && !row.get("reason").isEmpty()));
            // The roofline's columns, as the report computes them: on every row of the generate cell, empty on a
            // characterise cell's (it is the ceiling, not a point under it).
            for (dev.aipcbench.results.RooflinePoint.Phase phase : dev.aipcbench.results.RooflinePoint.Phase.values()) {
                dev.aipcbench.results.RooflinePoint point = dev.aipcbench.results.RooflinePoint.of(generate, phase, ceilings).orElseThrow();
                String column = phase.label() + "_roofline_pct";
                assertTrue(rows.stream().filter(row -> row.get("cell").equals(generate.id()))
                        .allMatch(row -> Double.parseDouble(row.get(column)) == point.percent()), column);
                assertTrue(rows.stream().filter(row -> row.get("cell").equals(probe.id())).allMatch(row -> row.get(column).isEmpty()), column);
            }
        }
    }

    @Test
    void fullMatrixWithTheCiProfileCoversEveryPrecisionOnCpuAndEndsEveryCell(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("full");
        // ONNX Runtime's cells only: the full matrix of every installed runtime is 80 CPU cells, more than a CI
        // job's time; the other runtimes' cells run in the quick matrices of this and the report tests.
        assertEquals(0, Main.run("--matrix", "full", "--profile", "ci", "--runtimes", "onnxruntime", "--out", out.toString(),
                "--cache-dir", cacheDir(), "--no-report"));
        RunResults r = ResultsFolder.read(out);
        assertTrue(r.complete());
        assertEquals(r.plannedCells(), r.cells().size(), "every planned cell ended with a status");
        for (String precision : List.of("fp32", "fp16", "int8", "int4")) {
            for (String workload : List.of("generate-p32-g64", "prefill-p64", "decode-d64", "load")) {
                CellResult c = r.cell("onnxruntime/cpu/" + precision + "/" + workload).orElseThrow();
                assertEquals(CellStatus.OK, c.status(), c.id() + ": " + c.reason());
            }
        }
        for (CellResult c : r.cells()) {
            assertNotNull(c.status());
            if (!c.ok()) {
                assertTrue(c.reason() != null && !c.reason().isBlank(), c.id() + " says why it did not run");
            }
        }
        // OpenVINO GenAI runs the suite's own IR through the runtime environment's Python package (no C API
        // is installable here); llama.cpp has no NPU backend.
        Path others = tmp.resolve("full-others");
        assertEquals(0, Main.run("--matrix", "full", "--profile", "ci", "--runtimes", "openvino-genai,llama.cpp", "--precisions", "int4",
                "--out", others.toString(), "--cache-dir", cacheDir(), "--no-report"));
        RunResults o = ResultsFolder.read(others);
        for (String workload : List.of("generate-p32-g64", "prefill-p64", "decode-d64", "load")) {
            CellResult c = o.cell("openvino-genai/cpu/int4/" + workload).orElseThrow();
            assertEquals(CellStatus.OK, c.status(), c.id() + ": " + c.reason());
        }
        assertEquals(CellStatus.UNSUPPORTED, o.cell("llama.cpp/npu/int4/load").orElseThrow().status());
    }

    @Test
    void aCellWhoseModelIsCorruptFailsWithItsErrorAndTheRestRun(@TempDir Path tmp) throws IOException {
        Path corrupt = tmp.resolve("corrupt-int8");
        Files.createDirectories(corrupt);
        try (Stream<Path> files = Files.list(TestModels.tiny(Precision.INT8))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, corrupt.resolve(f.getFileName()));
            }
        }
        try (FileChannel ch = FileChannel.open(corrupt.resolve("model.onnx"), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        Path profile = tmp.resolve("broken.json");
        Files.writeString(profile, "{\"precisions\": [\"int4\", \"int8\"],"
                + " \"model\": {\"folders\": {\"onnx-genai\": {\"int8\": \"" + corrupt.toString().replace("\\", "\\\\") + "\"}}},"
                + " \"workloads\": {\"generate\": {\"prompt_tokens\": [16], \"gen_tokens\": 4}},"
                + " \"jmh\": {\"iterations\": 1, \"warmup_iterations\": 0}}");
        Path out = tmp.resolve("run");
        assertEquals(0, Main.run("--profile", profile.toString(), "--out", out.toString(), "--cache-dir", cacheDir()));
        RunResults r = ResultsFolder.read(out);
        CellResult broken = r.cell("onnxruntime/cpu/int8/generate-p16-g4").orElseThrow();
        assertEquals(CellStatus.FAILED, broken.status());
        assertTrue(broken.reason().contains("is truncated or not an ONNX model"), broken.reason());
        assertTrue(broken.stderrTail() != null && !broken.stderrTail().isBlank());
        assertEquals(CellStatus.OK, r.cell("onnxruntime/cpu/int4/generate-p16-g4").orElseThrow().status());
        assertEquals(1, Main.run("--profile", profile.toString(), "--out", tmp.resolve("strict").toString(),
                "--cache-dir", cacheDir(), "--strict", "--no-report"), "--strict turns a failed cell into exit 1");
    }

    @Test
    void badProfilesAndFlagsEndInOneLineNamingTheFileAndField(@TempDir Path tmp) throws IOException {
        Path profile = tmp.resolve("typo.json");
        Files.writeString(profile, "{\"worklods\": {}}");
        assertEquals("run-bench: " + profile + ": unknown field worklods (expected one of description, devices, execution_providers, interference,"
                + " jmh, model, precisions, runtimes, session, telemetry, thresholds, workloads)",
                errorOf("--profile", profile.toString(), "--out", tmp.resolve("a").toString()));
        Files.writeString(profile, "{\"jmh\": {\"forks\": \"2\"}}");
        assertEquals("run-bench: " + profile + ": field jmh.forks: expected an integer, found a string \"2\"",
                errorOf("--profile", profile.toString(), "--out", tmp.resolve("b").toString()));
        assertEquals("run-bench: command line: field precisions[0]: unknown precision 'int3': expected one of fp32, fp16, int8, int4",
                errorOf("--matrix", "quick", "--precisions", "int3", "--out", tmp.resolve("c").toString()));
        assertEquals("run-bench: --matrix must be quick or full, got 'medium' (use --profile for other profiles)", errorOf("--matrix", "medium"));
        assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")) || Files.exists(tmp.resolve("c")),
                "nothing is written for bad input");
    }

    /** The one line a bad command prints, after checking it exits 2. */
    private static String errorOf(String... args) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.run(args), String.join(" ", args));
        } finally {
            System.setErr(saved);
        }
        List<String> lines = err.toString(java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("run-bench: ")).toList();
        assertEquals(1, lines.size(), err.toString());
        return lines.get(0);
    }
}
