package dev.aipcbench.reports.chart;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One signal of a telemetry series file ({@code telemetry/<cell>.csv}, long format
 * {@code t_ms,source,signal,unit,value}, t_ms counted from the cell's start): its time stamps and values.
 */
public record TelemetrySeries(String source, String signal, String unit, double[] timesMs, double[] values) {
    static final List<String> COLUMNS = List.of("t_ms", "source", "signal", "unit", "value");

    /** Reads every signal of a series file; a malformed file fails naming the file, the line and what is wrong. */
    public static List<TelemetrySeries> read(Path csv) throws IOException {
        Map<List<String>, List<double[]>> points = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(csv); CSVParser parser = CSVParser.parse(in, format)) {
            for (String column : COLUMNS) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException(csv + ": missing column " + column + " (expected the header "
                            + String.join(",", COLUMNS) + ")");
                }
            }
            for (CSVRecord r : parser) {
                double t = number(csv, r, "t_ms");
                double v = number(csv, r, "value");
                points.computeIfAbsent(List.of(r.get("source"), r.get("signal"), r.get("unit")), k -> new ArrayList<>())
                        .add(new double[] {t, v});
            }
        }
        List<TelemetrySeries> series = new ArrayList<>();
        for (Map.Entry<List<String>, List<double[]>> e : points.entrySet()) {
            List<double[]> p = e.getValue();
            p.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] times = p.stream().mapToDouble(x -> x[0]).toArray();
            double[] values = p.stream().mapToDouble(x -> x[1]).toArray();
            series.add(new TelemetrySeries(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), times, values));
        }
        return series;
    }

    private static double number(Path csv, CSVRecord r, String column) {
        String s = r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(csv + " line " + r.getParser().getCurrentLineNumber() + ": " + column
                    + " '" + s + "' is not a number");
        }
    }
}
