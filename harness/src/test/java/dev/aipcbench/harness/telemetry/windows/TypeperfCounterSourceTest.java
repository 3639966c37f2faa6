package dev.aipcbench.harness.telemetry.windows;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.CollectingSink;
import dev.aipcbench.harness.telemetry.PowerIntegrator;
import dev.aipcbench.harness.telemetry.ProcessStarter;
import dev.aipcbench.harness.telemetry.RecordingContext;
import dev.aipcbench.harness.telemetry.ReplayedProcess;
import dev.aipcbench.harness.telemetry.SearchPath;
import dev.aipcbench.harness.telemetry.ToolDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeperfCounterSourceTest {
    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void runsOneTypeperfForTheWholeRecording() {
        assertEquals(List.of("typeperf", "-si", "1", "-f", "CSV",
                "\\GPU Engine(*)\\Utilization Percentage",
                "\\GPU Adapter Memory(*)\\Dedicated Usage",
                "\\GPU Adapter Memory(*)\\Shared Usage",
                "\\GPU Process Memory(*)\\Dedicated Usage",
                "\\GPU Process Memory(*)\\Shared Usage",
                "\\Energy Meter(*)\\Power"), TypeperfCounterSource.command(1));
        TypeperfCounterSource every2s = new TypeperfCounterSource("Windows 11", 1500, ProcessStarter.SYSTEM,
                new SearchPath("", List.of("")));
        assertEquals(2000, every2s.intervalMs(), "typeperf samples whole seconds");
        assertEquals(1000, new TypeperfCounterSource("Windows 11", 100, ProcessStarter.SYSTEM,
                new SearchPath("", List.of(""))).intervalMs(), "at least one");
    }

    @Test
    void isUnavailableOffWindowsOrWithoutTypeperf() {
        SearchPath empty = new SearchPath(dir.toString(), List.of(""));
        assertEquals(Availability.unavailable("not Windows"),
                new TypeperfCounterSource("Linux", 100, ProcessStarter.SYSTEM, empty).probe());
        assertEquals(Availability.unavailable("typeperf not found on PATH"),
                new TypeperfCounterSource("Windows 11", 100, ProcessStarter.SYSTEM, empty).probe());
    }

    @Test
    void adapterUtilisationMemoryAndEnergyFromOneReading() {
        TypeperfCsvParser parser = new TypeperfCsvParser();
        parser.accept(TypeperfFixtures.HEADER);
        Map<String, PowerIntegrator> integrators = new HashMap<>();
        GpuCounterSignals signals = new GpuCounterSignals(parser.counters(), TypeperfFixtures.FORK,
                m -> integrators.computeIfAbsent(m, k -> new PowerIntegrator()));
        CollectingSink sink = new CollectingSink();
        signals.put(S, parser.accept(TypeperfFixtures.ROW_1).values(), sink);

        assertEquals(42.5, sink.only("npu_0000c3f1_busy_pct"), "a compute-only adapter is an NPU");
        assertEquals(42.5, sink.only("npu_0000c3f1_compute_busy_pct"));
        assertEquals(42.5, sink.only("npu_0000c3f1_fork_busy_pct"));
        assertEquals(55.25, sink.only("gpu_0000d1a2_busy_pct"), "the busiest engine");
        assertEquals(50.0, sink.only("gpu_0000d1a2_3d_busy_pct"), "3D engine: 30 (fork) + 20 (another process)");
        assertEquals(55.25, sink.only("gpu_0000d1a2_compute_busy_pct"));
        assertEquals(5.0, sink.only("gpu_0000d1a2_copy_busy_pct"));
        assertEquals(55.25, sink.only("gpu_0000d1a2_fork_busy_pct"));
        assertEquals(1024.0, sink.only("gpu_0000d1a2_shared_memory_used_mb"));
        assertEquals(0.0, sink.only("gpu_0000d1a2_memory_used_mb"));
        assertEquals(512.0, sink.only("gpu_0000d1a2_fork_shared_memory_used_mb"), "process 999's memory is not the fork's");
        assertEquals(0.0, sink.only("npu_0000c3f1_memory_used_mb"));
        assertEquals(15.0, sink.only("rapl_package0_pkg_power_w"), "the counter is in milliwatts");
        assertEquals(9.0, sink.only("rapl_package0_pp0_power_w"));
        assertTrue(sink.values("rapl_package0_pkg_energy_j").isEmpty(), "the first reading starts the clock");

        sink.clear();
        signals.put(3 * S, parser.accept(TypeperfFixtures.ROW_2).values(), sink);
        assertEquals(10.0, sink.only("gpu_0000d1a2_3d_busy_pct"), "process 999 printed no value: only the fork's 10");
        assertEquals(60.0, sink.only("gpu_0000d1a2_fork_busy_pct"));
        assertEquals(768.0, sink.only("gpu_0000d1a2_fork_shared_memory_used_mb"));
        assertEquals(36.0, sink.only("rapl_package0_pkg_energy_j"), 1e-9, "18 W over 2 s");
        assertEquals(22.0, sink.only("rapl_package0_pp0_energy_j"), 1e-9);
    }

    @Test
    void noForkSignalsWithoutAFollowedProcess() {
        TypeperfCsvParser parser = new TypeperfCsvParser();
        parser.accept(TypeperfFixtures.HEADER);
        GpuCounterSignals signals = new GpuCounterSignals(parser.counters(), 0, m -> new PowerIntegrator());
        CollectingSink sink = new CollectingSink();
        signals.put(S, parser.accept(TypeperfFixtures.ROW_1).values(), sink);
        assertTrue(sink.signals().stream().noneMatch(s -> s.contains("fork")), sink.signals().toString());
        assertEquals(55.25, sink.only("gpu_0000d1a2_busy_pct"));
    }

    @Test
    void streamsTypeperfOutputAndRestartsItForANewFork() throws Exception {
        ReplayedProcess.Starter typeperf = ReplayedProcess.printing(TypeperfFixtures.OUTPUT);
        TypeperfCounterSource source = new TypeperfCounterSource("Windows 11", 1000, typeperf,
                ToolDirectory.with(dir.resolve("bin"), "typeperf"));
        assertEquals(Availability.ok(), source.probe());
        CollectingSink sink = new CollectingSink();
        source.start(sink, new RecordingContext(System::nanoTime, System.nanoTime(), System.currentTimeMillis(), null));
        source.follow(TypeperfFixtures.FORK);
        assertEquals(Availability.ok(), source.stop());

        assertEquals(List.of(TypeperfCounterSource.command(1), TypeperfCounterSource.command(1)), typeperf.commands(),
                "following the fork restarts typeperf so its instances exist");
        assertEquals(List.of(55.25, 60.0, 55.25, 60.0), sink.values("gpu_0000d1a2_busy_pct"), "two runs of two readings");
        assertEquals(List.of(55.25, 60.0), sink.values("gpu_0000d1a2_fork_busy_pct"), "only the run that followed the fork");
    }

    @Test
    void saysWhyTypeperfGaveNothing() throws Exception {
        TypeperfCounterSource source = new TypeperfCounterSource("Windows 11", 1000,
                command -> new ReplayedProcess("\r\nError: No valid counters.\r\n", -1),
                ToolDirectory.with(dir.resolve("bin"), "typeperf"));
        source.start(new CollectingSink(), new RecordingContext(System::nanoTime, 0, 0, null));
        assertEquals(Availability.unavailable("typeperf gave no readings: Error: No valid counters."), source.stop());
    }
}
