package dev.aipcbench.reports.compare;

import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.reports.fixture.DerivedRuns;
import dev.aipcbench.reports.fixture.FixtureRun;
import dev.aipcbench.reports.fixture.RealRunFixture;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTableTest {
    private static final double SPEED = 2.0;

    private static List<RunResults> twoMachines() {
        FixtureRun a = RealRunFixture.run();
        FixtureRun b = DerivedRuns.otherMachine(a, "lunar-lake", "Intel(R) Core(TM) Ultra 7 268V", SPEED);
        return List.of(a.results(), b.results());
    }

    @Test
    void everyMetricOfEveryCellOkOnBothMachinesHasItsRatio() {
        List<RunResults> runs = twoMachines();
        ComparisonTable t = ComparisonTable.of(runs);
        long okCells = runs.get(0).cells().stream().filter(c -> c.ok()).count();
        long metricRows = runs.get(0).cells().stream().filter(c -> c.ok()).mapToLong(c -> c.metrics().size()).sum();
        assertEquals(metricRows, t.rows().stream().filter(ComparisonRow::compared).count());
        assertEquals(okCells, t.rows().stream().filter(ComparisonRow::compared).map(ComparisonRow::cellId).distinct().count());
        for (ComparisonRow r : t.rows()) {
            if (!r.compared()) {
                continue;
            }
            // Machine B is the same run with times halved and rates doubled: B is twice as good everywhere.
            assertEquals(SPEED, r.speedup(), 1e-9, r.cellId() + " " + r.metric());
            double expectedRatio = r.metric().endsWith("_tok_s") ? SPEED : 1 / SPEED;
            assertEquals(expectedRatio, r.ratio(), 1e-9, r.cellId() + " " + r.metric());
        }
        assertEquals(SPEED, SpeedupSummary.of(t.rows(), MetricCatalog.DECODE_TOK_S.name()).speedup(), 1e-9);
        assertEquals(1 / SPEED, SpeedupSummary.of(t.rows(), MetricCatalog.TTFT_MS.name()).ratio(), 1e-9);
    }

    @Test
    void cellsNotOkOnBothMachinesAreListedWithTheirStatusesAndNoValues() {
        ComparisonTable t = ComparisonTable.of(twoMachines());
        List<ComparisonRow> notCompared = t.rows().stream().filter(r -> !r.compared()).toList();
        assertFalse(notCompared.isEmpty());
        for (ComparisonRow r : notCompared) {
            assertTrue(Double.isNaN(r.ratio()));
            assertFalse(r.baselineCell().ok() && r.otherCell().ok());
        }
    }

    @Test
    void oneRunHasNothingToCompare() {
        assertTrue(ComparisonTable.of(List.of(RealRunFixture.run().results())).isEmpty());
    }

    @Test
    void csvHoldsOneRowPerComparisonRowWithBothMachines() throws IOException {
        List<RunResults> runs = twoMachines();
        List<LoadedRun> loaded = List.of(new LoadedRun(Path.of("a"), runs.get(0), "A"),
                new LoadedRun(Path.of("b"), runs.get(1), "B"));
        ComparisonTable t = ComparisonTable.of(runs);
        String csv = ComparisonCsv.render(t, loaded);
        try (CSVParser p = CSVParser.parse(new StringReader(csv),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of(ComparisonCsv.HEADER), p.getHeaderNames());
            List<CSVRecord> records = p.getRecords();
            assertEquals(t.rows().size(), records.size());
            CSVRecord decode = records.stream().filter(r -> r.get("metric").equals(MetricCatalog.DECODE_TOK_S.name()))
                    .findFirst().orElseThrow();
            assertEquals(SPEED, Double.parseDouble(decode.get("ratio")), 1e-9);
            assertEquals("higher", decode.get("better"));
            assertNotEquals(decode.get("baseline_fingerprint"), decode.get("other_fingerprint"));
            assertEquals("B", decode.get("other_machine"));
        }
    }

    @Test
    void labelsTellMachinesApartByHostThenFingerprintThenRun() {
        RunResults a = RealRunFixture.run().results();
        RunResults sameHostOtherHardware = DerivedRuns.otherMachine(RealRunFixture.run(), a.host().hostname(),
                "Other CPU", 1.0).results();
        List<String> labels = RunLabels.of(List.of(a, sameHostOtherHardware, a));
        assertEquals(3, labels.stream().distinct().count(), labels.toString());
        assertTrue(labels.get(1).contains("[" + RunLabels.shortFingerprint(sameHostOtherHardware.host()) + "]"));
        assertTrue(labels.get(0).contains(a.runId()), labels.get(0));
    }
}
