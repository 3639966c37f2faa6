package dev.aipcbench.history.report;

import dev.aipcbench.history.store.HistoryStore;
import dev.aipcbench.history.store.RunExport;
import dev.aipcbench.history.store.RunFilter;
import dev.aipcbench.history.store.StoredRun;
import dev.aipcbench.history.store.StoredRuns;
import dev.aipcbench.history.trend.TrendCharts;
import dev.aipcbench.history.trend.TrendPage;
import dev.aipcbench.reports.chart.ChartImage;
import dev.aipcbench.reports.compare.RunLabels;
import dev.aipcbench.reports.html.ReportFiles;
import dev.aipcbench.reports.html.ReportWriter;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code run-bench report --db URL}: the machine comparison of the store, as the folders' report makes it
 * (each machine's latest run is written back as a results folder under {@code runs/} and handed to
 * {@link ReportWriter}, so the comparison is the one every report has), plus trends.html with each cell's
 * metrics over every run of every machine and the version changes marked.
 */
public final class HistoryReport {
    public static final String TRENDS_HTML = "trends.html";
    public static final String TRENDS = "trends";
    public static final String RUNS = "runs";

    /** What was written. */
    public record Written(ReportFiles report, Path trendsHtml, List<Path> trendCharts, List<StoredRun> latest, int runs) {
    }

    private HistoryReport() {
    }

    public static Written write(HistoryStore store, RunFilter filter, Path out) throws IOException {
        StoredRuns stored = new StoredRuns(store);
        List<StoredRun> runs = stored.runs(filter);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(store.location().describe() + ": no published run matches"
                    + (filter.hosts().isEmpty() ? "" : " --hosts " + String.join(",", filter.hosts()))
                    + (filter.since() == null ? "" : " --since " + filter.since())
                    + (filter.runtimes().isEmpty() ? "" : " --runtimes " + String.join(",", filter.runtimes()))
                    + " (publish runs with 'run-bench publish DIR')");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + ": is a file, expected a folder for the report");
        }
        // every run of each machine, oldest first; machines in the order of their first run
        Map<String, List<StoredRun>> byHost = new LinkedHashMap<>();
        runs.forEach(r -> byHost.computeIfAbsent(r.fingerprint(), k -> new ArrayList<>()).add(r));
        Map<String, List<RunResults>> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, List<StoredRun>> e : byHost.entrySet()) {
            List<RunResults> l = new ArrayList<>();
            for (StoredRun r : e.getValue()) {
                l.add(onlyRuntimes(stored.load(r.runKey()), filter.runtimes()));
            }
            loaded.put(e.getKey(), l);
        }

        Path runsDir = out.resolve(RUNS);
        deleteTree(runsDir); // the report's own copies of the latest runs, written anew each time
        List<Path> folders = new ArrayList<>();
        List<StoredRun> latest = new ArrayList<>();
        List<RunResults> latestResults = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<StoredRun>> e : byHost.entrySet()) {
            StoredRun last = e.getValue().get(e.getValue().size() - 1);
            RunResults run = loaded.get(e.getKey()).get(e.getValue().size() - 1);
            Path folder = runsDir.resolve(String.format("%02d-%s", ++n, last.runId().replaceAll("[^A-Za-z0-9._-]", "_")));
            RunExport.write(run, stored.telemetrySeries(last.runKey()), folder);
            folders.add(folder);
            latest.add(last);
            latestResults.add(run);
        }
        ReportFiles report = ReportWriter.write(folders, out);

        List<String> labels = RunLabels.of(latestResults);
        List<TrendCharts.HostRuns> hosts = new ArrayList<>();
        int i = 0;
        for (List<RunResults> l : loaded.values()) {
            hosts.add(new TrendCharts.HostRuns(labels.get(i++), l));
        }
        TrendCharts.Trends trends = TrendCharts.render(hosts);
        Path trendDir = out.resolve(TRENDS);
        deleteTree(trendDir);
        Files.createDirectories(trendDir);
        List<Path> pngs = new ArrayList<>();
        for (ChartImage c : trends.charts()) {
            pngs.add(c.writeTo(trendDir));
        }
        Path html = out.resolve(TRENDS_HTML);
        ResultsFolder.writeAtomically(html, TrendPage.render(trends, store.location().url()));
        return new Written(report, html, List.copyOf(pngs), List.copyOf(latest), runs.size());
    }

    private static RunResults onlyRuntimes(RunResults run, List<String> runtimes) {
        if (runtimes.isEmpty()) {
            return run;
        }
        List<CellResult> cells = run.cells().stream().filter(c -> runtimes.contains(c.runtime())).toList();
        return new RunResults(run.schema(), run.runId(), run.started(), run.finished(), run.complete(), run.suiteVersion(),
                run.profileName(), run.profile(), run.commandLine(), run.host(), run.runtimes(), run.plannedCells(), cells, run.reference());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
