package dev.aipcbench.harness.telemetry.windows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TracerptCsvParserTest {
    private static final long START = 1_795_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void readsEventsWithDecimalAndHexPidsAndQuotedUserData() throws Exception {
        Path csv = Files.writeString(dir.resolve("trace.csv"), TracerptFixtures.trace(START));
        List<TracerptCsvParser.TraceEvent> events = new ArrayList<>();
        TracerptCsvParser.parse(csv, events::add);

        assertEquals(6, events.size());
        assertEquals("EventTrace", events.get(0).name());
        TracerptCsvParser.TraceEvent dma = events.get(1);
        assertEquals(new TracerptCsvParser.TraceEvent("DmaPacket", "Start", 176, 1234, 0x1A2C,
                TracerptFixtures.fileTime(START + 100), List.of("0xFFFF9E0C1A2B3C40", "7", "2")), dma);
        assertEquals(START + 100, dma.epochMillis());
        assertEquals(1234, events.get(2).pid(), "0x000004D2");
        assertEquals(List.of("C:\\Models\\phi3, int4\\model.onnx", "3"), events.get(2).userData());
    }

    @Test
    void readsUtf16WithAByteOrderMark() throws Exception {
        byte[] text = TracerptFixtures.trace(START).getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Path csv = Files.write(dir.resolve("trace16.csv"), withBom);
        List<TracerptCsvParser.TraceEvent> events = new ArrayList<>();
        TracerptCsvParser.parse(csv, events::add);
        assertEquals(6, events.size());
        assertEquals("QueuePacket", events.get(2).name());
    }

    @Test
    void refusesAFileWithoutTheHeader() {
        IOException e = assertThrows(IOException.class,
                () -> TracerptCsvParser.parse(new StringReader("a, b\n1, 2\n"), ev -> { }));
        assertEquals("not tracerpt CSV: no header line with Event Name and Clock-Time", e.getMessage());
    }
}
