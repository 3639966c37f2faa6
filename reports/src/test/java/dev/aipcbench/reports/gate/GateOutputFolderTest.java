package dev.aipcbench.reports.gate;

import dev.aipcbench.results.ResultsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static dev.aipcbench.reports.gate.GateFixtures.CPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.metrics;
import static dev.aipcbench.reports.gate.GateFixtures.noisy;
import static dev.aipcbench.reports.gate.GateFixtures.ok;
import static dev.aipcbench.reports.gate.GateFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateOutputFolderTest {
    @TempDir
    Path tmp;

    private final Random rng = new Random(301);

    @Test
    void writesGateMdAndGateXmlIntoTheDefaultOutFolder() throws Exception {
        Path base = tmp.resolve("base");
        Path cur = tmp.resolve("cur");
        new ResultsFolder(base).write(run("base", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 2, 8, 25, 0.01)))));
        new ResultsFolder(cur).write(run("cur", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 2, 8, 27.5, 0.01)))));
        GateOptions o = GateOptions.of(List.of(base), cur);
        GateOutputFolder out = new GateOutputFolder(o.out());
        out.write(new RegressionGate(o).run());
        assertEquals(cur.resolve("gate").resolve("gate.md"), out.markdown());
        assertTrue(Files.readString(out.markdown()).startsWith("## Performance gate: FAILED"));
        assertTrue(Files.readString(out.junitXml()).contains("<failure"));
    }

    @Test
    void anUnwritableOutFolderIsAnInputError() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        GateReport report = new GateReport(new GateSettings(List.of("b"), "c", 5, 0.95, 5000, 42), List.of(), List.of(), List.of());
        GateInputException e = assertThrows(GateInputException.class, () -> new GateOutputFolder(file.resolve("gate")).write(report));
        assertTrue(e.getMessage().startsWith("--out " + file.resolve("gate") + ": cannot write"), e.getMessage());
    }
}
