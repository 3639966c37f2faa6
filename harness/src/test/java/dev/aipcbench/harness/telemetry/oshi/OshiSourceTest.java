package dev.aipcbench.harness.telemetry.oshi;

import dev.aipcbench.harness.telemetry.CollectingSink;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OshiSourceTest {

    @Test
    void readsCpuMemoryAndTheFollowedProcessOnThisMachine() throws Exception {
        OshiSource oshi = new OshiSource(100, 1000);
        assertTrue(oshi.probe().available());
        oshi.begin();
        oshi.follow(ProcessHandle.current().pid());
        CollectingSink sink = new CollectingSink();
        long t0 = System.nanoTime();
        oshi.sample(t0, sink);
        assertTrue(sink.values("cpu_load_pct").isEmpty(), "load needs two readings of the tick counters");
        for (int i = 0; i < 200 && sink.values("cpu_load_pct").isEmpty(); i++) {
            busyFor(50_000_000L); // until the kernel's tick counters moved past what OSHI read first
            oshi.sample(System.nanoTime(), sink);
        }

        double load = sink.only("cpu_load_pct");
        assertTrue(load > 0 && load <= 100, "this thread kept a CPU busy: load " + load);
        assertEquals("%", sink.unitOf("cpu_load_pct"));
        assertEquals(1, sink.values("cpu0_load_pct").size(), "per logical processor, with the total");
        double memory = sink.values("mem_used_mb").get(1);
        assertTrue(memory > 0, "memory in use " + memory);
        double rss = sink.values("fork_rss_mb").get(1);
        assertTrue(rss > 16 && rss < memory, "a running JVM's resident memory: " + rss + " MB");
        assertEquals("MB", sink.unitOf("fork_rss_mb"));
        assertEquals(sink.values("fork_rss_mb").size() - 1, sink.values("fork_cpu_pct").size(),
                "process CPU from the second reading");
    }

    @Test
    void reportsNothingOfAProcessThatEndedOrWasNeverFollowed() throws Exception {
        OshiSource oshi = new OshiSource(100, 1000);
        assertTrue(oshi.probe().available());
        oshi.begin();
        CollectingSink sink = new CollectingSink();
        oshi.sample(System.nanoTime(), sink);
        assertTrue(sink.values("fork_rss_mb").isEmpty());

        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true).start();
        child.getInputStream().readAllBytes();
        child.waitFor();
        oshi.follow(child.pid());
        oshi.sample(System.nanoTime(), sink);
        assertTrue(sink.values("fork_rss_mb").isEmpty(), "an ended process has no resident memory, not zero");
    }

    private static void busyFor(long nanos) {
        long end = System.nanoTime() + nanos;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        assertTrue(x > 0);
    }
}
