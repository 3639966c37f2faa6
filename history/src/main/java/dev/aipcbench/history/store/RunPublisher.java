package dev.aipcbench.history.store;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.HostInfo;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.RuntimeInfo;
import dev.aipcbench.results.Summary;
import dev.aipcbench.results.TelemetryResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Publishes results folders into a {@link HistoryStore}, one transaction per run: either the whole run is
 * stored (host, run, runtimes, every cell with its metrics, raw samples and telemetry) or nothing of it.
 * Publishing a run again stores it once: cells already there unchanged are left alone, cells a resumed run
 * added are added, cells it redid are replaced.
 */
public final class RunPublisher {
    private final HistoryStore store;

    public RunPublisher(HistoryStore store) {
        this.store = store;
    }

    /** Reads the results folder and publishes it; unreadable results name the file, like every reader. */
    public PublishedRun publish(Path folder) {
        RunResults run = ResultsFolder.read(folder);
        Path dir = Files.isDirectory(folder) ? folder : folder.toAbsolutePath().getParent();
        return publish(run, dir);
    }

    /** Publishes {@code run}; {@code folder} is where its telemetry series files lie (null: none kept). */
    public PublishedRun publish(RunResults run, Path folder) {
        String what = folder == null ? "run " + run.runId() : folder.resolve(ResultsFolder.RESULTS_JSON).toString();
        RunKey key = RunKey.of(run, what);
        Connection c = store.connection();
        try {
            c.setAutoCommit(false);
            try {
                PublishedRun done = write(c, run, key, folder);
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new HistoryStoreException(store.location().describe() + ": cannot publish " + what + ": "
                    + HistoryStore.message(e) + " (nothing of this run was written)", e);
        }
    }

    private PublishedRun write(Connection c, RunResults run, RunKey key, Path folder) throws SQLException {
        writeHost(c, run.host());
        boolean newRun = writeRun(c, run, key);
        writeRuntimes(c, key, run.runtimes());
        Map<String, String> stored = storedHashes(c, key);
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        for (CellResult cell : run.cells()) {
            String series = seriesOf(cell, folder);
            String hash = hash(StoredDocuments.write(cell) + "\n" + (series == null ? "" : series));
            String before = stored.get(cell.id());
            if (hash.equals(before)) {
                unchanged++;
                continue;
            }
            if (before != null) {
                // the cell's metric, sample and telemetry rows go with it (ON DELETE CASCADE)
                update(c, "DELETE FROM cell WHERE run_key = ? AND cell_id = ?", key.text(), cell.id());
                replaced++;
            } else {
                added++;
            }
            writeCell(c, key, cell, hash, series);
        }
        return new PublishedRun(key, newRun, added, replaced, unchanged);
    }

    // the host's facts as the run published last saw them; each run keeps its own in its document too
    private static void writeHost(Connection c, HostInfo h) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO host (fingerprint, hostname, os, os_version, arch, cpu_model, physical_cores,"
                + " logical_cores, memory_bytes, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET"
                + " hostname = excluded.hostname, os = excluded.os, os_version = excluded.os_version, arch = excluded.arch,"
                + " cpu_model = excluded.cpu_model, physical_cores = excluded.physical_cores, logical_cores = excluded.logical_cores,"
                + " memory_bytes = excluded.memory_bytes, facts = excluded.facts")) {
            s.setString(1, h.fingerprint());
            s.setString(2, h.hostname());
            s.setString(3, h.os());
            s.setString(4, h.osVersion());
            s.setString(5, h.arch());
            s.setString(6, h.cpu() == null ? null : h.cpu().model());
            setInt(s, 7, h.cpu() == null ? null : h.cpu().physicalCores());
            setInt(s, 8, h.cpu() == null ? null : h.cpu().logicalCores());
            s.setLong(9, h.memoryBytes());
            s.setString(10, StoredDocuments.write(h));
            s.executeUpdate();
        }
    }

    /** Inserts the run's row, or brings a stored one up to date (a resumed run finishes later); true when new. */
    private static boolean writeRun(Connection c, RunResults run, RunKey key) throws SQLException {
        RunResults document = new RunResults(run.schema(), run.runId(), run.started(), run.finished(), run.complete(),
                run.suiteVersion(), run.profileName(), run.profile(), run.commandLine(), run.host(), null, run.plannedCells(),
                List.of(), run.reference());
        boolean exists;
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM run WHERE run_key = ?")) {
            s.setString(1, key.text());
            try (ResultSet r = s.executeQuery()) {
                exists = r.next();
            }
        }
        if (exists) {
            update(c, "UPDATE run SET finished = ?, complete = ?, planned_cells = ?, hostname = ?, suite_version = ?, document = ?"
                    + " WHERE run_key = ?", run.finished(), run.complete() ? 1 : 0, run.plannedCells(), run.host().hostname(),
                    run.suiteVersion(), StoredDocuments.write(document), key.text());
            return false;
        }
        update(c, "INSERT INTO run (run_key, run_id, fingerprint, hostname, started, started_ms, finished, complete, suite_version,"
                        + " profile_name, planned_cells, published, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.text(), run.runId(), key.fingerprint(), run.host().hostname(), run.started(), key.startedMillis(), run.finished(),
                run.complete() ? 1 : 0,
                run.suiteVersion(), run.profileName(), run.plannedCells(), Instant.now().toString(), StoredDocuments.write(document));
        return true;
    }

    private static void writeRuntimes(Connection c, RunKey key, List<RuntimeInfo> runtimes) throws SQLException {
        update(c, "DELETE FROM run_runtime WHERE run_key = ?", key.text());
        if (runtimes == null) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run_runtime (run_key, runtime, version, available, reason, providers)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RuntimeInfo r : runtimes) {
                s.setString(1, key.text());
                s.setString(2, r.id());
                s.setString(3, r.version());
                s.setInt(4, r.available() ? 1 : 0);
                s.setString(5, r.reason());
                s.setString(6, r.providers() == null ? null : StoredDocuments.write(r.providers()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Map<String, String> storedHashes(Connection c, RunKey key) throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT cell_id, content_hash FROM cell WHERE run_key = ?")) {
            s.setString(1, key.text());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hashes.put(r.getString(1), r.getString(2));
                }
            }
        }
        return hashes;
    }

    private static void writeCell(Connection c, RunKey key, CellResult cell, String hash, String series) throws SQLException {
        // metrics and telemetry live in their own tables; the document keeps the rest of the cell as results.json has it
        CellResult document = new CellResult(cell.id(), cell.runtime(), cell.device(), cell.precision(), cell.workload(), cell.model(),
                cell.settings(), cell.status(), cell.reason(), cell.stderrTail(), cell.started(), cell.finished(), cell.wallSeconds(),
                cell.session(), null, cell.tokenLatencies(), null, cell.output(), cell.forks(), cell.executedOn());
        update(c, "INSERT INTO cell (run_key, cell_id, runtime, device, weight_precision, workload, status, reason, started, finished,"
                        + " wall_seconds, content_hash, document, telemetry_file, telemetry_series)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.text(), cell.id(), cell.runtime(), cell.device(), cell.precision(), cell.workload().key(), cell.status().id(),
                cell.reason(), cell.started(), cell.finished(), cell.wallSeconds(), hash, StoredDocuments.write(document),
                cell.telemetry() == null ? null : cell.telemetry().seriesFile(), series);
        if (cell.metrics() != null) {
            writeMetrics(c, key, cell);
        }
        if (cell.telemetry() != null && cell.telemetry().sources() != null) {
            writeTelemetry(c, key, cell.id(), cell.telemetry().sources());
        }
    }

    private static void writeMetrics(Connection c, RunKey key, CellResult cell) throws SQLException {
        try (PreparedStatement m = c.prepareStatement("INSERT INTO metric (run_key, cell_id, metric, unit, better, n, mean, median, p90, p99,"
                + " stddev, min_value, max_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement s = c.prepareStatement("INSERT INTO sample (run_key, cell_id, metric, fork, iteration, value)"
                     + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Metric> e : cell.metrics().entrySet()) {
                Metric metric = e.getValue();
                Summary sum = metric.summary() != null ? metric.summary() : Summary.of(metric.allSamples());
                m.setString(1, key.text());
                m.setString(2, cell.id());
                m.setString(3, e.getKey());
                m.setString(4, metric.unit());
                m.setString(5, metric.better() == Metric.Better.HIGHER ? "higher" : "lower");
                m.setInt(6, sum.n());
                double[] stats = {sum.mean(), sum.median(), sum.p90(), sum.p99(), sum.stddev(), sum.min(), sum.max()};
                for (int i = 0; i < stats.length; i++) {
                    setDouble(m, 7 + i, stats[i]);
                }
                m.addBatch();
                List<List<Double>> byFork = metric.samples() == null ? List.of() : metric.samples();
                for (int f = 0; f < byFork.size(); f++) {
                    for (int i = 0; i < byFork.get(f).size(); i++) {
                        s.setString(1, key.text());
                        s.setString(2, cell.id());
                        s.setString(3, e.getKey());
                        s.setInt(4, f);
                        s.setInt(5, i);
                        s.setDouble(6, byFork.get(f).get(i));
                        s.addBatch();
                    }
                }
            }
            m.executeBatch();
            s.executeBatch();
        }
    }

    private static void writeTelemetry(Connection c, RunKey key, String cellId, List<TelemetryResult.Source> sources) throws SQLException {
        try (PreparedStatement src = c.prepareStatement("INSERT INTO telemetry_source (run_key, cell_id, position, source, status, reason,"
                + " interval_ms) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement sig = c.prepareStatement("INSERT INTO telemetry_signal (run_key, cell_id, position, signal, signal_order, unit,"
                     + " n, avg_value, peak_value, min_value, total, per_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < sources.size(); p++) {
                TelemetryResult.Source source = sources.get(p);
                src.setString(1, key.text());
                src.setString(2, cellId);
                src.setInt(3, p);
                src.setString(4, source.source());
                src.setString(5, source.status());
                src.setString(6, source.reason());
                setDouble(src, 7, source.intervalMs());
                src.addBatch();
                if (source.signals() == null) {
                    continue;
                }
                int order = 0;
                for (Map.Entry<String, TelemetryResult.Signal> e : source.signals().entrySet()) {
                    TelemetryResult.Signal v = e.getValue();
                    sig.setString(1, key.text());
                    sig.setString(2, cellId);
                    sig.setInt(3, p);
                    sig.setString(4, e.getKey());
                    sig.setInt(5, order++);
                    sig.setString(6, v.unit());
                    sig.setInt(7, v.n());
                    setDouble(sig, 8, v.avg());
                    setDouble(sig, 9, v.peak());
                    setDouble(sig, 10, v.min());
                    setDouble(sig, 11, v.total());
                    setDouble(sig, 12, v.perToken());
                    sig.addBatch();
                }
            }
            src.executeBatch();
            sig.executeBatch();
        }
    }

    /** The cell's telemetry series file, kept in the store so an exported run and its report have it again. */
    private static String seriesOf(CellResult cell, Path folder) {
        if (folder == null || cell.telemetry() == null || cell.telemetry().seriesFile() == null) {
            return null;
        }
        Path file = folder.resolve(cell.telemetry().seriesFile()).normalize();
        if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HistoryStoreException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    s.setNull(i + 1, Types.VARCHAR);
                } else if (v instanceof Double d) {
                    setDouble(s, i + 1, d);
                } else {
                    s.setObject(i + 1, v);
                }
            }
            s.executeUpdate();
        }
    }

    // NaN (a summary of no samples) is stored as NULL: SQLite cannot keep NaN, and NULL says "no value" in both stores
    static void setDouble(PreparedStatement s, int index, Double v) throws SQLException {
        if (v == null || v.isNaN()) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, v);
        }
    }

    private static void setInt(PreparedStatement s, int index, Integer v) throws SQLException {
        if (v == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, v);
        }
    }

    private static String hash(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
