package dev.aipcbench.harness.telemetry.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcfsCountersTest {

    @Test
    void parsesCpuLinesMemoryAndAProcessFromAFixtureTree(@TempDir Path proc) throws IOException {
        Files.writeString(proc.resolve("stat"), "cpu  100 2 30 400 5 6 7 8 0 0\n"
                + "cpu0 50 1 15 200 2 3 3 4 0 0\n"
                + "cpu1 50 1 15 200 3 3 4 4 0 0\n"
                + "intr 12345 0 0\nctxt 999\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal:       24000000 kB\nMemFree:         1000000 kB\nMemAvailable:   20000000 kB\n");
        Files.createDirectories(proc.resolve("4242"));
        // A command name with spaces and a parenthesis, as /proc shows one.
        Files.writeString(proc.resolve("4242/stat"), "4242 (java (fork) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 "
                + "250 50 0 0 20 0 30 0 100 5000000 12345 18446744073709551615\n");
        try (ProcfsCounters c = new ProcfsCounters(proc)) {
            long[][] ticks = new long[3][ProcfsCounters.TICK_TYPES];
            assertEquals(2, c.cpuTicks(ticks));
            assertArrayEquals(new long[] {100, 2, 30, 400, 5, 6, 7, 8}, ticks[0]);
            assertArrayEquals(new long[] {50, 1, 15, 200, 3, 3, 4, 4}, ticks[2]);
            assertEquals(4_000_000L * 1024, c.memoryUsedBytes());
            long[] process = new long[2];
            assertTrue(c.process(4242, process));
            assertEquals(12345, process[0], "resident pages (field 24)");
            assertEquals(300, process[1], "utime + stime (fields 14 and 15)");

            // Re-reads see new contents through the same descriptor.
            Files.writeString(proc.resolve("meminfo"), "MemTotal: 24000000 kB\nMemAvailable: 23000000 kB\n");
            assertEquals(1_000_000L * 1024, c.memoryUsedBytes());
            assertFalse(c.process(7, process), "a process that does not exist");
        }
    }

    @Test
    void readsThisMachinesProc() throws IOException {
        try (ProcfsCounters c = new ProcfsCounters(Path.of("/proc"))) {
            long[][] ticks = new long[Runtime.getRuntime().availableProcessors() + 1][ProcfsCounters.TICK_TYPES];
            assertTrue(c.cpuTicks(ticks) >= 1);
            assertTrue(ticks[0][0] + ticks[0][3] > 0);
            assertTrue(c.memoryUsedBytes() > 0);
            long[] process = new long[2];
            assertTrue(c.process(ProcessHandle.current().pid(), process));
            assertTrue(process[0] > 1000, "this JVM holds more than 1000 resident pages");
        }
    }
}
