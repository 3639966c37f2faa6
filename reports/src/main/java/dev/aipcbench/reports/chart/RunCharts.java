package dev.aipcbench.reports.chart;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.MetricDefinition;
import dev.aipcbench.results.Workload;
import dev.aipcbench.reports.rank.CellField;
import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.format.CellOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every chart of one run: the matrix map, per-token latency per generate workload, TTFT against
 * prompt length, TPOT against context depth, decode throughput and TTFT with runtimes side by side (and devices,
 * where one runtime ran on several), a roofline per device, and a telemetry timeline
 * per cell that recorded one. Charts with nothing to show are left out rather than drawn empty;
 * telemetry files that cannot be drawn become notes the report prints, not a failed report.
 *
 * @param overview  the run's charts in reading order
 * @param telemetry telemetry timelines by cell id
 * @param notes     what could not be drawn and why
 */
public record RunCharts(List<ChartImage> overview, Map<String, ChartImage> telemetry, List<String> notes) {
    /** The metrics drawn with runtimes (and devices) side by side. */
    static final List<MetricDefinition> GROUPED = List.of(MetricCatalog.DECODE_TOK_S, MetricCatalog.TTFT_MS);

    /** Renders the charts of {@code run}; file names start with {@code prefix} (to keep several runs apart). */
    public static RunCharts render(LoadedRun run, String prefix) {
        HeadlessAwt.ensure();
        List<CellResult> cells = new ArrayList<>(run.results().cells());
        cells.sort(CellOrder.CELL);
        SeriesPalette palette = new SeriesPalette(cells.stream().filter(CellResult::ok).map(SeriesLabel::of).toList());

        List<ChartImage> overview = new ArrayList<>();
        MatrixMapChart.render(prefix + "matrix-map.png", cells).ifPresent(overview::add);
        cells.stream().filter(c -> c.workload() instanceof Workload.Generate)
                .map(CellResult::workload).distinct().sorted(CellOrder.WORKLOAD)
                .forEach(w -> TokenLatencyChart.render(prefix + "token-latency-" + w.key() + ".png", w, cells, palette)
                        .ifPresent(overview::add));
        for (Workload.Sweep sweep : Workload.Sweep.values()) {
            new SweepChart(sweep).render(prefix + SweepChart.fileName(sweep), cells, palette).ifPresent(overview::add);
        }
        // Runtimes side by side always (one runtime still gets its bars); devices where one runtime ran on several.
        for (CellField contender : List.of(CellField.RUNTIME, CellField.DEVICE)) {
            for (MetricDefinition metric : GROUPED) {
                GroupedBarChart.render(prefix + GroupedBarChart.fileName(metric, contender), metric, contender, cells,
                        contender == CellField.DEVICE).ifPresent(overview::add);
            }
        }

        dev.aipcbench.results.Ceilings ceilings = dev.aipcbench.results.Ceilings.of(cells);
        cells.stream().map(CellResult::device).filter(java.util.Objects::nonNull).distinct().sorted(CellOrder.DEVICE)
                .forEach(d -> RooflineChart.render(prefix + RooflineChart.fileName(d), d, cells, ceilings).ifPresent(overview::add));

        Map<String, ChartImage> telemetry = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CellResult c : cells) {
            if (c.telemetry() == null || c.telemetry().seriesFile() == null) {
                continue;
            }
            Path folder = run.folder().toAbsolutePath().normalize();
            Path file = folder.resolve(c.telemetry().seriesFile()).normalize();
            if (!file.startsWith(folder)) {
                notes.add(c.id() + ": telemetry series file " + c.telemetry().seriesFile()
                        + " lies outside the results folder " + folder + "; its timeline is not drawn");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                notes.add(c.id() + ": telemetry series file not found: " + file + "; its timeline is not drawn");
                continue;
            }
            String name = prefix + "telemetry-" + slug(c.id());
            for (int n = 2; !names.add(name); n++) {
                name = prefix + "telemetry-" + slug(c.id()) + "-" + n;
            }
            try {
                TelemetryTimelineChart.render(name + ".png", c, TelemetrySeries.read(file))
                        .ifPresent(chart -> telemetry.put(c.id(), chart));
            } catch (IllegalArgumentException | IOException e) {
                notes.add(c.id() + ": " + e.getMessage() + "; its timeline is not drawn");
            }
        }
        return new RunCharts(List.copyOf(overview), Collections.unmodifiableMap(telemetry), List.copyOf(notes));
    }

    /** Every chart, overview first. */
    public List<ChartImage> all() {
        List<ChartImage> all = new ArrayList<>(overview);
        all.addAll(telemetry.values());
        return all;
    }

    /** A file-name-safe form of an id: lower case letters, digits, dots and dashes. */
    static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "x" : slug;
    }
}
