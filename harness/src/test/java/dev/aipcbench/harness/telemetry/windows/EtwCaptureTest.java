package dev.aipcbench.harness.telemetry.windows;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.CollectingSink;
import dev.aipcbench.harness.telemetry.ProcessStarter;
import dev.aipcbench.harness.telemetry.RecordingContext;
import dev.aipcbench.harness.telemetry.ReplayedProcess;
import dev.aipcbench.harness.telemetry.SearchPath;
import dev.aipcbench.harness.telemetry.ToolDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EtwCaptureTest {

    @TempDir
    Path dir;

    @Test
    void commandLinesForWprLogmanAndTracerpt() {
        Path etl = Path.of("results", "telemetry", "cell.etl");
        assertEquals(List.of("wpr", "-start", "GPU", "-filemode"), EtwCapture.startCommand(EtwCapture.Recorder.WPR, etl));
        assertEquals(List.of("wpr", "-stop", etl.toString()), EtwCapture.stopCommand(EtwCapture.Recorder.WPR, etl));
        assertEquals(List.of("logman", "start", "aipc-bench-gpu", "-p", "Microsoft-Windows-DxgKrnl", "0x1", "5", "-o",
                etl.toString(), "-ets"), EtwCapture.startCommand(EtwCapture.Recorder.LOGMAN, etl));
        assertEquals(List.of("logman", "stop", "aipc-bench-gpu", "-ets"), EtwCapture.stopCommand(EtwCapture.Recorder.LOGMAN, etl));
        Path csv = EtwCapture.csvFor(etl);
        assertEquals(Path.of("results", "telemetry", "cell.etw.csv"), csv);
        assertEquals(List.of("tracerpt", etl.toString(), "-o", csv.toString(), "-of", "CSV", "-y"),
                EtwCapture.convertCommand(etl, csv));
    }

    @Test
    void needsWindowsElevationAndTheTools() throws Exception {
        SearchPath none = new SearchPath(dir.toString(), List.of(""));
        assertEquals(Availability.unavailable("not Windows"), new EtwCapture("Linux", () -> true, ProcessStarter.SYSTEM, none).probe());
        assertEquals(Availability.unavailable("ETW capture needs an elevated (administrator) prompt"),
                new EtwCapture("Windows 11", () -> false, ProcessStarter.SYSTEM, none).probe());
        assertEquals(Availability.unavailable("tracerpt not found on PATH"),
                new EtwCapture("Windows 11", () -> true, ProcessStarter.SYSTEM, none).probe());
        SearchPath onlyTracerpt = ToolDirectory.with(dir.resolve("a"), "tracerpt");
        assertEquals(Availability.unavailable("neither wpr nor logman found on PATH"),
                new EtwCapture("Windows 11", () -> true, ProcessStarter.SYSTEM, onlyTracerpt).probe());
        assertEquals(Availability.ok(), new EtwCapture("Windows 11", () -> true, ProcessStarter.SYSTEM,
                ToolDirectory.with(dir.resolve("b"), "tracerpt", "logman")).probe());
    }

    @Test
    void recordsConvertsAndCountsTheFollowedProcessEventsPerSecond() throws Exception {
        long start = System.currentTimeMillis() - 3_000;
        ReplayedProcess.Starter tools = new ReplayedProcess.Starter(command -> {
            if (command.get(0).equals("tracerpt")) {
                Files.writeString(Path.of(command.get(3)), TracerptFixtures.trace(start));
                return new ReplayedProcess("The command completed successfully.\r\n", 0);
            }
            return new ReplayedProcess("", 0);
        });
        EtwCapture etw = new EtwCapture("Windows 11", () -> true, tools, ToolDirectory.with(dir.resolve("bin"), "wpr", "tracerpt"));
        assertEquals(Availability.ok(), etw.probe());
        CollectingSink sink = new CollectingSink();
        Path stem = dir.resolve("results/telemetry/onnxruntime_dgpu_fp16_generate-p128-g32");
        etw.start(sink, new RecordingContext(System::nanoTime, System.nanoTime(), start, stem));
        etw.follow(1234);
        assertEquals(Availability.ok(), etw.stop());

        Path etl = dir.resolve("results/telemetry/onnxruntime_dgpu_fp16_generate-p128-g32.etl");
        assertEquals(List.of(List.of("wpr", "-start", "GPU", "-filemode"), List.of("wpr", "-stop", etl.toString()),
                EtwCapture.convertCommand(etl, EtwCapture.csvFor(etl))), tools.commands());
        assertTrue(Files.isRegularFile(EtwCapture.csvFor(etl)), "the converted trace is kept with the results");

        assertEquals(List.of(2.0, 1.0, 1.0), sink.values("events_per_s").subList(0, 3), "process 999's event is not counted");
        assertEquals(List.of(1.0, 1.0, 0.0), sink.values("dmapacket_start_per_s").subList(0, 3));
        assertEquals(List.of(1.0, 0.0, 0.0), sink.values("queuepacket_start_per_s").subList(0, 3));
        assertEquals(List.of(0.0, 0.0, 1.0), sink.values("dmapacket_info_per_s").subList(0, 3));
        assertEquals("events/s", sink.unitOf("events_per_s"));
    }

    @Test
    void aFailingRecorderSaysWhatItPrinted() throws Exception {
        EtwCapture etw = new EtwCapture("Windows 11", () -> true,
                command -> new ReplayedProcess("The profiles are already running.\r\n", 1),
                ToolDirectory.with(dir.resolve("bin"), "wpr", "tracerpt"));
        etw.probe();
        IOException e = assertThrows(IOException.class, () -> etw.start(new CollectingSink(),
                new RecordingContext(System::nanoTime, 0, 0, dir.resolve("cell"))));
        assertEquals("wpr -start failed (exit 1): The profiles are already running.", e.getMessage());
    }
}
