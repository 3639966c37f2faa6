package dev.aipcbench.harness.telemetry;

import dev.aipcbench.results.TelemetryResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * What a {@link TelemetryRecorder} recorded for one cell: per source, whether it was available (and
 * if not, why) and every reading. Gives the summaries for {@code results.json} and writes the series
 * file, long format {@code t_ms,source,signal,unit,value}, {@code t_ms} counted from the recording's start.
 */
public final class TelemetryRecording {
    public static final String[] SERIES_HEADER = {"t_ms", "source", "signal", "unit", "value"};
    private static final MathContext SERIES_DIGITS = new MathContext(7);

    /** One source's part of the recording. */
    record SourceRecord(String id, Availability availability, long intervalMs, SourceSeries series) {
    }

    private final List<SourceRecord> sources;
    private final long generatedTokens;
    private final long startNanos;

    TelemetryRecording(List<SourceRecord> sources, long generatedTokens, long startNanos) {
        this.sources = List.copyOf(sources);
        this.generatedTokens = generatedTokens;
        this.startNanos = startNanos;
    }

    /** The series file of a cell, relative to the results folder: {@code telemetry/<cell id with / as _>.csv}. */
    public static String seriesFile(String cellId) {
        return "telemetry/" + cellId.replace('/', '_') + ".csv";
    }

    public long generatedTokens() {
        return generatedTokens;
    }

    /** Per source: status ok with its interval and signal summaries, or unavailable with the reason. */
    public List<TelemetryResult.Source> sources() {
        List<TelemetryResult.Source> out = new ArrayList<>();
        for (SourceRecord s : sources) {
            if (s.availability().available()) {
                out.add(new TelemetryResult.Source(s.id(), "ok", null, (double) s.intervalMs(),
                        s.series().summaries(generatedTokens)));
            } else {
                out.add(new TelemetryResult.Source(s.id(), "unavailable", s.availability().reason(), null, null));
            }
        }
        return out;
    }

    /** The cell's {@code telemetry} entry; {@code seriesFile} as given to {@link #writeSeries(Path)}, relative to the results folder. */
    public TelemetryResult result(String seriesFile) {
        return new TelemetryResult(seriesFile, sources());
    }

    /**
     * Writes every reading, oldest first, to {@code csvFile} (folders created), replacing it atomically:
     * written beside it, then renamed over it.
     */
    public void writeSeries(Path csvFile) throws IOException {
        Path dir = csvFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + csvFile.getFileName() + ".tmp");
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(SERIES_HEADER).get();
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(w, format)) {
            writeRows(csv);
        }
        try {
            Files.move(tmp, csvFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, csvFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A signal's readings, read in time order during the merge. */
    private static final class Cursor {
        final String source;
        final SignalSeries series;
        final int order;
        int next;

        Cursor(String source, SignalSeries series, int order) {
            this.source = source;
            this.series = series;
            this.order = order;
        }

        long time() {
            return series.time(next);
        }
    }

    private void writeRows(CSVPrinter csv) throws IOException {
        // Each signal's readings are already in time order: merge them rather than sort every row.
        PriorityQueue<Cursor> queue = new PriorityQueue<>((a, b) -> a.time() != b.time()
                ? Long.compare(a.time(), b.time()) : Integer.compare(a.order, b.order));
        int order = 0;
        for (SourceRecord s : sources) {
            if (!s.availability().available()) {
                continue;
            }
            for (SignalSeries series : s.series().signals()) {
                if (series.size() > 0) {
                    queue.add(new Cursor(s.id(), series, order++));
                }
            }
        }
        while (!queue.isEmpty()) {
            Cursor c = queue.poll();
            long tMs = Math.round((c.time() - startNanos) / 1e6);
            csv.printRecord(tMs, c.source, c.series.name, c.series.unit, format(c.series.value(c.next)));
            c.next++;
            if (c.next < c.series.size()) {
                queue.add(c);
            }
        }
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(SERIES_DIGITS).stripTrailingZeros().toPlainString();
    }
}
