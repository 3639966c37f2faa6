package dev.aipcbench.harness.telemetry.nvidia;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.CollectingSink;
import dev.aipcbench.harness.telemetry.ProcessStarter;
import dev.aipcbench.harness.telemetry.RecordingContext;
import dev.aipcbench.harness.telemetry.ReplayedProcess;
import dev.aipcbench.harness.telemetry.SearchPath;
import dev.aipcbench.harness.telemetry.ToolDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NvidiaSmiSourceTest {
    /** nvidia-smi's output for a laptop dGPU and a second GPU that reports no power, three readings 100 ms apart. */
    private static final String OUTPUT = String.join("\n",
            "2026/11/28 09:45:01.100, 0, NVIDIA GeForce RTX 4070 Laptop GPU, 87, 5120, 80.00, 2235, 71",
            "2026/11/28 09:45:01.101, 1, NVIDIA RTX A1000, Quadro, 0, 312, [N/A], 210, 45",
            "2026/11/28 09:45:01.200, 0, NVIDIA GeForce RTX 4070 Laptop GPU, 91, 5124, 90.00, 2250, 72",
            "2026/11/28 09:45:01.201, 1, NVIDIA RTX A1000, Quadro, 0, 312, [N/A], 210, 45",
            "2026/11/28 09:45:01.300, 0, NVIDIA GeForce RTX 4070 Laptop GPU, 95, 5130, 100.00, 2265, 72",
            "2026/11/28 09:45:01.301, 1, NVIDIA RTX A1000, Quadro, 0, 312, [N/A], 210, 45") + "\n";

    @TempDir
    Path dir;

    @Test
    void runsOneNvidiaSmiThatPrintsALinePerGpuPerInterval() {
        assertEquals(List.of("nvidia-smi",
                "--query-gpu=timestamp,index,name,utilization.gpu,memory.used,power.draw,clocks.sm,temperature.gpu",
                "--format=csv,noheader,nounits", "-lms", "100"), NvidiaSmiSource.command(100));
    }

    @Test
    void parsesALineAndMarksWhatNvidiaSmiCannotGive() {
        NvidiaSmiReading r = NvidiaSmiReading.parse("2026/11/28 09:45:01.101, 1, NVIDIA RTX A1000, Quadro, 0, 312,"
                + " [N/A], 210, [Not Supported]");
        assertEquals(1, r.index());
        assertEquals("NVIDIA RTX A1000, Quadro", r.name(), "a comma in the name");
        assertEquals(312.0, r.memoryUsedMib());
        assertTrue(Double.isNaN(r.powerW()));
        assertTrue(Double.isNaN(r.temperatureC()));
        assertNull(NvidiaSmiReading.parse("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."
                + " Make sure that the latest NVIDIA driver is installed and running."));
    }

    @Test
    void saysWhenNvidiaSmiIsNotOnThePath() {
        assertEquals(Availability.unavailable("nvidia-smi not found on PATH"),
                new NvidiaSmiSource(100, ProcessStarter.SYSTEM, new SearchPath(dir.toString(), List.of(""))).probe());
    }

    @Test
    void streamsReadingsPerGpuAndIntegratesPower() throws Exception {
        ReplayedProcess.Starter nvidiaSmi = ReplayedProcess.printing(OUTPUT);
        NvidiaSmiSource source = new NvidiaSmiSource(100, nvidiaSmi, ToolDirectory.with(dir.resolve("bin"), "nvidia-smi"));
        assertEquals(Availability.ok(), source.probe());
        AtomicLong clock = new AtomicLong();
        CollectingSink sink = new CollectingSink();
        // every line read advances the clock 50 ms: each GPU's readings are 100 ms apart
        source.start(sink, new RecordingContext(() -> clock.addAndGet(50_000_000L), 0, 0, null));
        assertEquals(Availability.ok(), source.stop());

        assertEquals(List.of(NvidiaSmiSource.command(100)), nvidiaSmi.commands());
        assertEquals(List.of(87.0, 91.0, 95.0), sink.values("gpu0_busy_pct"));
        assertEquals(List.of(5120.0, 5124.0, 5130.0), sink.values("gpu0_memory_used_mb"));
        assertEquals(List.of(80.0, 90.0, 100.0), sink.values("gpu0_power_w"));
        assertEquals(List.of(9.0, 10.0), sink.values("gpu0_energy_j"), "90 W and 100 W over 100 ms each");
        assertEquals(List.of(2235.0, 2250.0, 2265.0), sink.values("gpu0_freq_mhz"));
        assertEquals(List.of(71.0, 72.0, 72.0), sink.values("gpu0_temp_c"));
        assertEquals(List.of(312.0, 312.0, 312.0), sink.values("gpu1_memory_used_mb"));
        assertTrue(sink.values("gpu1_energy_j").isEmpty(), "no power reading, no energy");
    }

    @Test
    void saysWhyNvidiaSmiGaveNothing() throws Exception {
        NvidiaSmiSource source = new NvidiaSmiSource(100,
                command -> new ReplayedProcess("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA"
                        + " driver. Make sure that the latest NVIDIA driver is installed and running.\n", 9),
                ToolDirectory.with(dir.resolve("bin"), "nvidia-smi"));
        source.start(new CollectingSink(), new RecordingContext(System::nanoTime, 0, 0, null));
        assertEquals(Availability.unavailable("nvidia-smi gave no readings: NVIDIA-SMI has failed because it couldn't"
                + " communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running."),
                source.stop());
    }
}
