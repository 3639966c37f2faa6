package dev.aipcbench.harness.telemetry.windows;

/** tracerpt CSV in its documented layout: a header line, the trace's own header event, then events. */
final class TracerptFixtures {
    static final String HEADER = "Event Name, Type, Event ID, Version, Channel, Level, Opcode, Task, Keyword, PID, TID,"
            + " Processor Number, Instance ID, Parent Instance ID, Activity ID, Related Activity ID, Clock-Time,"
            + " Kernel(ms), User(ms), User Data";

    private TracerptFixtures() {
    }

    /** A FILETIME (100 ns since 1601) for an epoch-millisecond instant. */
    static long fileTime(long epochMillis) {
        return (epochMillis + 11_644_473_600_000L) * 10_000L;
    }

    static String row(String name, String type, int id, String pid, long fileTime, String userData) {
        return name + ", " + type + ", " + id + ", 1, 16, 4, 1, 7, 0x0000000000000001, " + pid + ", 0x00001A2C, 3, , ,"
                + " {00000000-0000-0000-0000-000000000000}, , " + fileTime + ", 0, 0, " + userData;
    }

    /** The trace's own header row, then five DxgKrnl events at the given offsets from {@code startEpochMillis}. */
    static String trace(long startEpochMillis) {
        return String.join("\r\n",
                HEADER,
                "EventTrace, Header, 0, 2, 0, 0, 0, 0, 0x0000000000000000, 0x00000004, 0x00000008, 0, , ,"
                        + " {00000000-0000-0000-0000-000000000000}, , " + fileTime(startEpochMillis) + ", 15, 0, 65536, 0x0A00",
                row("DmaPacket", "Start", 176, "1234", fileTime(startEpochMillis + 100), "0xFFFF9E0C1A2B3C40, 7, 2"),
                row("QueuePacket", "Start", 178, "0x000004D2", fileTime(startEpochMillis + 400),
                        "\"C:\\Models\\phi3, int4\\model.onnx\", 3"),
                row("DmaPacket", "Start", 176, "0x000004D2", fileTime(startEpochMillis + 1100), "0xFFFF9E0C1A2B3C40, 8, 2"),
                row("DmaPacket", "Start", 176, "999", fileTime(startEpochMillis + 1200), "0xFFFF9E0C1A2B3C41, 1, 2"),
                row("DmaPacket", "Info", 175, "1234", fileTime(startEpochMillis + 2500), "0xFFFF9E0C1A2B3C40, 8")) + "\r\n";
    }
}
