package dev.aipcbench.history.store;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.RuntimeInfo;
import dev.aipcbench.results.TelemetryResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the store: runs, hosts and cells as lists, and whole runs back into the results types
 * ({@link RunResults}), so the report, the gate and a results folder take them as they take a folder.
 */
public final class StoredRuns {
    private final HistoryStore store;

    public StoredRuns(HistoryStore store) {
        this.store = store;
    }

    /** Every run {@code filter} takes, oldest first. */
    public List<StoredRun> runs(RunFilter filter) {
        String sql = "SELECT r.run_key, r.run_id, r.fingerprint, r.hostname, r.started, r.finished, r.complete, r.suite_version,"
                + " r.profile_name, r.planned_cells,"
                + " (SELECT COUNT(*) FROM cell c WHERE c.run_key = r.run_key),"
                + " (SELECT COUNT(*) FROM cell c WHERE c.run_key = r.run_key AND c.status = 'ok')"
                + " FROM run r" + (filter.since() != null ? " WHERE r.started_ms >= ?" : "") + " ORDER BY r.started_ms, r.run_key";
        List<StoredRun> runs = new ArrayList<>();
        try (PreparedStatement s = c().prepareStatement(sql)) {
            if (filter.since() != null) {
                s.setLong(1, filter.since().toEpochMilli());
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    StoredRun run = new StoredRun(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getInt(7) != 0, r.getString(8), r.getString(9), r.getInt(10), r.getInt(11), r.getInt(12));
                    if (filter.takesHost(run.fingerprint(), run.hostname()) && hasRuntime(run.runKey(), filter.runtimes())) {
                        runs.add(run);
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("cannot list runs", e);
        }
        return runs;
    }

    /** Every machine, with its run count. */
    public List<StoredHost> hosts() {
        List<StoredHost> hosts = new ArrayList<>();
        try (PreparedStatement s = c().prepareStatement("SELECT h.fingerprint, h.hostname, h.os, h.arch, h.cpu_model, h.logical_cores,"
                + " h.memory_bytes, (SELECT COUNT(*) FROM run r WHERE r.fingerprint = h.fingerprint),"
                + " (SELECT r.started FROM run r WHERE r.fingerprint = h.fingerprint ORDER BY r.started_ms DESC LIMIT 1) FROM host h ORDER BY h.hostname, h.fingerprint");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                hosts.add(new StoredHost(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6),
                        r.getLong(7), r.getInt(8), r.getString(9)));
            }
        } catch (SQLException e) {
            throw failed("cannot list hosts", e);
        }
        return hosts;
    }

    /** The cells of a run, by id. */
    public List<StoredCell> cells(String runKey) {
        List<StoredCell> cells = new ArrayList<>();
        try (PreparedStatement s = c().prepareStatement("SELECT c.cell_id, c.status, c.reason,"
                + " (SELECT COUNT(*) FROM metric m WHERE m.run_key = c.run_key AND m.cell_id = c.cell_id),"
                + " (SELECT COUNT(*) FROM sample x WHERE x.run_key = c.run_key AND x.cell_id = c.cell_id)"
                + " FROM cell c WHERE c.run_key = ? ORDER BY c.cell_id")) {
            s.setString(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    cells.add(new StoredCell(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getInt(5)));
                }
            }
        } catch (SQLException e) {
            throw failed("cannot list the cells of " + runKey, e);
        }
        return cells;
    }

    /**
     * The run a user names: its run key, or its run id when only one run has it (else the runs that share it
     * are named, to pick one by key).
     */
    public StoredRun find(String keyOrId) {
        List<StoredRun> all = runs(RunFilter.ALL);
        List<StoredRun> byId = new ArrayList<>();
        for (StoredRun r : all) {
            if (r.runKey().equals(keyOrId)) {
                return r;
            }
            if (r.runId().equals(keyOrId)) {
                byId.add(r);
            }
        }
        if (byId.size() == 1) {
            return byId.get(0);
        }
        if (byId.isEmpty()) {
            throw new HistoryStoreException(store.location().describe() + ": no run " + keyOrId + " (see 'run-bench history runs')");
        }
        throw new HistoryStoreException(store.location().describe() + ": run id " + keyOrId + " names " + byId.size()
                + " runs; give its run key: " + String.join(", ", byId.stream().map(StoredRun::runKey).toList()));
    }

    /** The run of {@code runKey} as results.json held it (cells in the order of their ids). */
    public RunResults load(String runKey) {
        try {
            RunResults doc;
            try (PreparedStatement s = c().prepareStatement("SELECT document FROM run WHERE run_key = ?")) {
                s.setString(1, runKey);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new HistoryStoreException(store.location().describe() + ": no run " + runKey);
                    }
                    doc = StoredDocuments.read(r.getString(1), RunResults.class, "run " + runKey);
                }
            }
            List<CellResult> cells = loadCells(runKey);
            return new RunResults(doc.schema(), doc.runId(), doc.started(), doc.finished(), doc.complete(), doc.suiteVersion(),
                    doc.profileName(), doc.profile(), doc.commandLine(), doc.host(), runtimes(runKey), doc.plannedCells(), cells,
                    doc.reference());
        } catch (SQLException e) {
            throw failed("cannot read run " + runKey, e);
        }
    }

    /** The telemetry series files the run's cells had, by their path relative to the results folder. */
    public Map<String, String> telemetrySeries(String runKey) {
        Map<String, String> files = new TreeMap<>();
        try (PreparedStatement s = c().prepareStatement("SELECT telemetry_file, telemetry_series FROM cell WHERE run_key = ?"
                + " AND telemetry_file IS NOT NULL AND telemetry_series IS NOT NULL")) {
            s.setString(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    files.put(r.getString(1), r.getString(2));
                }
            }
        } catch (SQLException e) {
            throw failed("cannot read the telemetry of " + runKey, e);
        }
        return files;
    }

    private List<CellResult> loadCells(String runKey) throws SQLException {
        Map<String, Map<String, Metric>> metrics = metrics(runKey);
        Map<String, String> series = seriesFiles(runKey);
        Map<String, List<TelemetryResult.Source>> telemetry = telemetry(runKey);
        List<CellResult> cells = new ArrayList<>();
        try (PreparedStatement s = c().prepareStatement("SELECT cell_id, document FROM cell WHERE run_key = ? ORDER BY cell_id")) {
            s.setString(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    CellResult d = StoredDocuments.read(r.getString(2), CellResult.class, "cell " + id + " of run " + runKey);
                    List<TelemetryResult.Source> sources = telemetry.get(id);
                    TelemetryResult t = sources == null && series.get(id) == null ? null : new TelemetryResult(series.get(id),
                            sources == null ? List.of() : sources);
                    cells.add(new CellResult(d.id(), d.runtime(), d.device(), d.precision(), d.workload(), d.model(), d.settings(),
                            d.status(), d.reason(), d.stderrTail(), d.started(), d.finished(), d.wallSeconds(), d.session(),
                            metrics.get(id), d.tokenLatencies(), t, d.output(), d.forks(), d.executedOn()));
                }
            }
        }
        return cells;
    }

    /** Metrics rebuilt from their raw samples (the summary is recomputed, so it is the suite's one definition). */
    private Map<String, Map<String, Metric>> metrics(String runKey) throws SQLException {
        Map<String, Map<String, String[]>> kinds = new LinkedHashMap<>();
        try (PreparedStatement s = c().prepareStatement("SELECT cell_id, metric, unit, better FROM metric WHERE run_key = ?"
                + " ORDER BY cell_id, metric")) {
            s.setString(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    kinds.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>()).put(r.getString(2),
                            new String[] {r.getString(3), r.getString(4)});
                }
            }
        }
        Map<String, Map<String, List<List<Double>>>> samples = new LinkedHashMap<>();
        try (PreparedStatement s = c().prepareStatement("SELECT cell_id, metric, fork, iteration, value FROM sample WHERE run_key = ?"
                + " ORDER BY cell_id, metric, fork, iteration")) {
            s.setString(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<List<Double>> byFork = samples.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(r.getString(2), k -> new ArrayList<>());
                    int fork = r.getInt(3);
                    while (byFork.size() <= fork) {
                        byFork.add(new ArrayList<>());
                    }
                    byFork.get(fork).add(r.getDouble(5));
                }
            }
        }
        Map<String, Map<String, Metric>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String[]>> cell : kinds.entrySet()) {
            Map<String, Metric> m = new TreeMap<>();
            for (Map.Entry<String, String[]> e : cell.getValue().entrySet()) {
                List<List<Double>> byFork = samples.getOrDefault(cell.getKey(), Map.of()).getOrDefault(e.getKey(), List.of());
                m.put(e.getKey(), Metric.of(e.getValue()[0], "higher".equals(e.getValue()[1]) ? Metric.Better.HIGHER : Metric.Better.LOWER,
                        byFork));
            }
            out.put(cell.getKey(), m);
        }
        return out;
    }

    /** The series file each cell's telemetry named. */
    private Map<String, String> seriesFiles(String runKey) throws SQLException {
        Map<String, String> files = new LinkedHashMap<>();
        try (PreparedStatement s = c().prepareStatement("SELECT cell_id, telemetry_file FROM cell WHERE run_key = ? AND telemetry_file IS NOT NULL")) {
            s.setString(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    files.put(r.getString(1), r.getString(2));
                }
            }
        }
        return files;
    }

    private Map<String, List<TelemetryResult.Source>> telemetry(String runKey) throws SQLException {
        Map<String, Map<Integer, Map<String, TelemetryResult.Signal>>> signals = new LinkedHashMap<>();
        try (PreparedStatement s = c().prepareStatement("SELECT cell_id, position, signal, unit, n, avg_value, peak_value, min_value, total,"
                + " per_token FROM telemetry_signal WHERE run_key = ? ORDER BY cell_id, position, signal_order")) {
            s.setString(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    signals.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(r.getInt(2), k -> new LinkedHashMap<>())
                            .put(r.getString(3), new TelemetryResult.Signal(r.getString(4), r.getInt(5), number(r, 6), number(r, 7),
                                    number(r, 8), nullable(r, 9), nullable(r, 10)));
                }
            }
        }
        Map<String, List<TelemetryResult.Source>> out = new LinkedHashMap<>();
        try (PreparedStatement s = c().prepareStatement("SELECT cell_id, position, source, status, reason, interval_ms FROM telemetry_source"
                + " WHERE run_key = ? ORDER BY cell_id, position")) {
            s.setString(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, TelemetryResult.Signal> sig = signals.getOrDefault(r.getString(1), Map.of()).get(r.getInt(2));
                    out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new TelemetryResult.Source(r.getString(3),
                            r.getString(4), r.getString(5), nullable(r, 6), sig));
                }
            }
        }
        return out;
    }

    private List<RuntimeInfo> runtimes(String runKey) throws SQLException {
        List<RuntimeInfo> runtimes = new ArrayList<>();
        try (PreparedStatement s = c().prepareStatement("SELECT runtime, version, available, reason, providers FROM run_runtime"
                + " WHERE run_key = ? ORDER BY runtime")) {
            s.setString(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String providers = r.getString(5);
                    runtimes.add(new RuntimeInfo(r.getString(1), r.getString(2), r.getInt(3) != 0, r.getString(4),
                            providers == null ? null : List.of(StoredDocuments.read(providers, String[].class, "runtime " + r.getString(1)))));
                }
            }
        }
        return runtimes;
    }

    private boolean hasRuntime(String runKey, List<String> runtimes) throws SQLException {
        if (runtimes.isEmpty()) {
            return true;
        }
        try (PreparedStatement s = c().prepareStatement("SELECT runtime FROM cell WHERE run_key = ?")) {
            s.setString(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (runtimes.contains(r.getString(1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static double number(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? Double.NaN : v;
    }

    private static Double nullable(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    private Connection c() {
        return store.connection();
    }

    private HistoryStoreException failed(String what, SQLException e) {
        return new HistoryStoreException(store.location().describe() + ": " + what + ": " + HistoryStore.message(e), e);
    }
}
