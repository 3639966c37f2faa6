package dev.aipcbench.harness.telemetry.windows;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the CSV {@code tracerpt <file.etl> -o <file.csv> -of CSV} writes: a header line
 * {@code Event Name, Type, Event ID, Version, Channel, Level, Opcode, Task, Keyword, PID, TID,
 * Processor Number, Instance ID, Parent Instance ID, Activity ID, Related Activity ID, Clock-Time,
 * Kernel(ms), User(ms), User Data}, then one line per event, fields separated by ", ", the event's own
 * fields spread over the columns from User Data on. Columns are found by name, so older layouts
 * (without Processor Number and the activity ids) read as well. Events stream to a consumer: a
 * trace of a long cell can be gigabytes.
 */
public final class TracerptCsvParser {

    /**
     * One event.
     *
     * @param clockTime the Clock-Time column: a FILETIME (100 ns since 1601-01-01 UTC)
     * @param pid       -1 where the column is empty
     * @param userData  the event's own fields
     */
    public record TraceEvent(String name, String type, int eventId, long pid, long tid, long clockTime,
                             List<String> userData) {

        /** The event's wall-clock time in epoch milliseconds. */
        public long epochMillis() {
            return clockTime / 10_000 - 11_644_473_600_000L;
        }
    }

    private TracerptCsvParser() {
    }

    /** Reads a tracerpt CSV file (UTF-8 or UTF-16, as its byte order mark says). */
    public static void parse(Path csv, Consumer<TraceEvent> events) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv))) {
            parse(new BufferedReader(new InputStreamReader(in, charsetOf(in))), events);
        }
    }

    public static void parse(Reader in, Consumer<TraceEvent> events) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrim(true).get();
        Map<String, Integer> columns = null;
        int name = -1;
        int type = -1;
        int id = -1;
        int pid = -1;
        int tid = -1;
        int clock = -1;
        int userData = -1;
        try (CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord r : parser) {
                List<String> f = r.toList();
                if (columns == null) {
                    if (f.contains("Event Name") && f.contains("Clock-Time")) {
                        columns = new HashMap<>();
                        for (int i = 0; i < f.size(); i++) {
                            columns.put(f.get(i).toLowerCase(Locale.ROOT), i);
                        }
                        name = columns.get("event name");
                        type = columns.getOrDefault("type", -1);
                        id = columns.getOrDefault("event id", -1);
                        pid = columns.getOrDefault("pid", -1);
                        tid = columns.getOrDefault("tid", -1);
                        clock = columns.get("clock-time");
                        userData = columns.getOrDefault("user data", f.size());
                    }
                    continue;
                }
                if (f.size() <= clock || f.get(name).isEmpty()) {
                    continue;
                }
                events.accept(new TraceEvent(f.get(name), field(f, type), (int) number(field(f, id)),
                        number(field(f, pid)), number(field(f, tid)), number(f.get(clock)),
                        userData < f.size() ? List.copyOf(f.subList(userData, f.size())) : List.of()));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the parser's iterator wraps a malformed line or a read error
        }
        if (columns == null) {
            throw new IOException("not tracerpt CSV: no header line with Event Name and Clock-Time");
        }
    }

    private static String field(List<String> f, int index) {
        return index >= 0 && index < f.size() ? f.get(index) : "";
    }

    /** A decimal or 0x-hexadecimal number (tracerpt prints PIDs and TIDs either way); -1 if empty or not a number. */
    static long number(String s) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return s.isEmpty() ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Charset charsetOf(InputStream in) throws IOException {
        in.mark(3);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b0 == 0xFF && b1 == 0xFE) {
            in.skip(2);
            return StandardCharsets.UTF_16LE;
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            in.skip(2);
            return StandardCharsets.UTF_16BE;
        }
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            in.skip(3);
        }
        return StandardCharsets.UTF_8;
    }
}
