package dev.aipcbench.harness.telemetry.windows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeperfCsvParserTest {

    @TempDir
    Path dir;

    @Test
    void readsTheHeaderThenOneRowPerReading() throws Exception {
        Path recorded = Files.writeString(dir.resolve("typeperf.csv"), TypeperfFixtures.OUTPUT);
        TypeperfCsvParser parser = new TypeperfCsvParser();
        List<TypeperfCsvParser.Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(recorded)) {
            TypeperfCsvParser.Row row = parser.accept(line);
            if (row != null) {
                rows.add(row);
            }
        }
        assertEquals(13, parser.counters().size());
        assertEquals(new CounterPath("AIPC", "GPU Engine",
                "pid_1234_luid_0x00000000_0x0000C3F1_phys_0_eng_0_engtype_Compute", "Utilization Percentage"),
                parser.counters().get(0));
        assertEquals(new CounterPath("AIPC", "Energy Meter", "RAPL_Package0_PKG", "Power"), parser.counters().get(11));

        assertEquals(2, rows.size());
        assertEquals("11/28/2026 09:45:01.123", rows.get(0).timestamp());
        assertEquals(42.5, rows.get(0).values()[0]);
        assertEquals(30.0, rows.get(0).values()[1]);
        assertEquals(1073741824.0, rows.get(0).values()[7]);
        assertTrue(Double.isNaN(rows.get(1).values()[3]), "\" \" is no data, not zero");
        assertEquals("The command completed successfully.", parser.lastMessage());
    }

    @Test
    void ignoresRowsBeforeTheHeaderAndRowsOfTheWrongWidth() {
        TypeperfCsvParser parser = new TypeperfCsvParser();
        assertNull(parser.accept("\"11/28/2026 09:45:01.123\",\"1\""));
        assertNull(parser.accept("Error: No valid counters."));
        assertEquals("Error: No valid counters.", parser.lastMessage());
        parser.accept("\"(PDH-CSV 4.0) (UTC)(0)\",\"\\\\H\\Energy Meter(RAPL_Package0_PKG)\\Power\"");
        assertNull(parser.accept("\"11/28/2026 09:45:01.123\",\"1\",\"2\""));
        assertEquals(12.5, parser.accept("\"11/28/2026 09:45:01.123\",\"12,5\"").values()[0], "a locale's decimal comma");
        assertTrue(Double.isNaN(parser.accept("\"11/28/2026 09:45:02.123\",\"\"").values()[0]));
    }

    @Test
    void parsesCounterPathsWithAndWithoutMachineAndInstance() {
        assertEquals(new CounterPath(null, "Memory", null, "Available MBytes"), CounterPath.parse("\\Memory\\Available MBytes"));
        assertEquals(new CounterPath("HOST", "Process", "java (2)", "Working Set"),
                CounterPath.parse("\\\\HOST\\Process(java (2))\\Working Set"));
        assertEquals("\\Process(java (2))\\Working Set", CounterPath.parse("\\\\HOST\\Process(java (2))\\Working Set").local());
        assertNull(CounterPath.parse("not a counter"));
    }
}
