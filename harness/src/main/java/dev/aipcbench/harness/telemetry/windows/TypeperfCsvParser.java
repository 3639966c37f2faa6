package dev.aipcbench.harness.telemetry.windows;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code typeperf -f CSV} output line by line as it streams. The first CSV line is the header:
 * {@code "(PDH-CSV 4.0) (W. Europe Standard Time)(-60)","\\HOST\GPU Engine(...)\Utilization Percentage",...};
 * each later CSV line is one reading of every counter, {@code "11/28/2026 09:45:01.123","12.5",...},
 * quoted, with an empty or single-space value where a counter had no data. Other lines (a blank
 * first line, "Exiting, please wait...", error messages) are kept as the last message.
 */
public final class TypeperfCsvParser {
    public static final String HEADER_MARK = "(PDH-CSV 4.0)";

    /** One reading: typeperf's timestamp as printed, and one value per header counter (NaN: no data). */
    public record Row(String timestamp, double[] values) {
    }

    private List<CounterPath> counters;
    private String lastMessage;

    /** The counters of the header's columns after the timestamp; null before the header arrived. */
    public List<CounterPath> counters() {
        return counters;
    }

    /** The last line that was neither header nor reading (typeperf's error message when it failed). */
    public String lastMessage() {
        return lastMessage;
    }

    /** Takes one line; returns the reading it holds, or null for the header and for any other line. */
    public Row accept(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!text.startsWith("\"")) {
            lastMessage = text;
            return null;
        }
        List<String> fields = fields(text);
        if (fields.isEmpty()) {
            lastMessage = text;
            return null;
        }
        if (fields.get(0).startsWith(HEADER_MARK)) {
            List<CounterPath> cols = new ArrayList<>();
            for (int i = 1; i < fields.size(); i++) {
                cols.add(CounterPath.parse(fields.get(i)));
            }
            counters = cols;
            return null;
        }
        if (counters == null || fields.size() != counters.size() + 1) {
            lastMessage = text;
            return null;
        }
        double[] values = new double[counters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(fields.get(i + 1));
        }
        return new Row(fields.get(0), values);
    }

    private static List<String> fields(String line) {
        try (CSVParser p = CSVParser.parse(line, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** A counter value; typeperf prints the locale's decimal separator, so "12,5" is 12.5 too. */
    static double value(String field) {
        String f = field.strip();
        if (f.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(f);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(f.replace(',', '.'));
            } catch (NumberFormatException again) {
                return Double.NaN;
            }
        }
    }
}
