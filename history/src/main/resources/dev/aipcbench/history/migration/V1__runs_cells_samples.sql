-- The results history, version 1. Portable SQL: the same file creates the schema in SQLite and in PostgreSQL
-- (natural keys instead of generated ids, TEXT for times as ISO-8601 instants, which sort as text).

-- One row per machine (hardware fingerprint), with the facts of the latest run published from it.
CREATE TABLE host (
    fingerprint     TEXT PRIMARY KEY,
    hostname        TEXT,
    os              TEXT,
    os_version      TEXT,
    arch            TEXT,
    cpu_model       TEXT,
    physical_cores  INTEGER,
    logical_cores   INTEGER,
    memory_bytes    BIGINT,
    facts           TEXT NOT NULL
);

-- One row per run: run_key is fingerprint|run id|started, the same for a run and its --resume; started_ms
-- orders and filters runs (ISO-8601 text with 0 to 9 fraction digits does not sort as time).
-- document is results.json without cells and runtimes (host facts of that run, profile, command line, reference).
CREATE TABLE run (
    run_key         TEXT PRIMARY KEY,
    run_id          TEXT NOT NULL,
    fingerprint     TEXT NOT NULL REFERENCES host (fingerprint),
    hostname        TEXT,
    started         TEXT NOT NULL,
    started_ms      BIGINT NOT NULL,
    finished        TEXT,
    complete        INTEGER NOT NULL,
    suite_version   TEXT,
    profile_name    TEXT,
    planned_cells   INTEGER NOT NULL,
    published       TEXT NOT NULL,
    document        TEXT NOT NULL
);
CREATE INDEX run_by_host ON run (fingerprint, started_ms);

-- The runtimes a run found, with their versions and providers (a JSON array).
CREATE TABLE run_runtime (
    run_key         TEXT NOT NULL REFERENCES run (run_key) ON DELETE CASCADE,
    runtime         TEXT NOT NULL,
    version         TEXT,
    available       INTEGER NOT NULL,
    reason          TEXT,
    providers       TEXT,
    PRIMARY KEY (run_key, runtime)
);

-- Every cell of a run, however it ended. document is the cell without metrics and telemetry (those have
-- their own tables); content_hash tells a cell published again unchanged from one a resumed run redid;
-- telemetry_file is the series file's path in the results folder, telemetry_series its content.
CREATE TABLE cell (
    run_key          TEXT NOT NULL REFERENCES run (run_key) ON DELETE CASCADE,
    cell_id          TEXT NOT NULL,
    runtime          TEXT NOT NULL,
    device           TEXT NOT NULL,
    weight_precision TEXT NOT NULL,
    workload         TEXT NOT NULL,
    status           TEXT NOT NULL,
    reason           TEXT,
    started          TEXT,
    finished         TEXT,
    wall_seconds     DOUBLE PRECISION,
    content_hash     TEXT NOT NULL,
    document         TEXT NOT NULL,
    telemetry_file   TEXT,
    telemetry_series TEXT,
    PRIMARY KEY (run_key, cell_id)
);
CREATE INDEX cell_by_id ON cell (cell_id);

-- Each metric of a cell: its summary over all samples.
CREATE TABLE metric (
    run_key         TEXT NOT NULL,
    cell_id         TEXT NOT NULL,
    metric          TEXT NOT NULL,
    unit            TEXT,
    better          TEXT NOT NULL,
    n               INTEGER NOT NULL,
    mean            DOUBLE PRECISION,
    median          DOUBLE PRECISION,
    p90             DOUBLE PRECISION,
    p99             DOUBLE PRECISION,
    stddev          DOUBLE PRECISION,
    min_value       DOUBLE PRECISION,
    max_value       DOUBLE PRECISION,
    PRIMARY KEY (run_key, cell_id, metric),
    FOREIGN KEY (run_key, cell_id) REFERENCES cell (run_key, cell_id) ON DELETE CASCADE
);

-- Every raw sample, by JMH fork and iteration, so history queries and the gate resample the real data.
CREATE TABLE sample (
    run_key         TEXT NOT NULL,
    cell_id         TEXT NOT NULL,
    metric          TEXT NOT NULL,
    fork            INTEGER NOT NULL,
    iteration       INTEGER NOT NULL,
    value           DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_key, cell_id, metric, fork, iteration),
    FOREIGN KEY (run_key, cell_id, metric) REFERENCES metric (run_key, cell_id, metric) ON DELETE CASCADE
);

-- Telemetry while a cell ran: each source (ok, or unavailable and why) and the summary of each signal.
CREATE TABLE telemetry_source (
    run_key         TEXT NOT NULL,
    cell_id         TEXT NOT NULL,
    position        INTEGER NOT NULL,
    source          TEXT NOT NULL,
    status          TEXT,
    reason          TEXT,
    interval_ms     DOUBLE PRECISION,
    PRIMARY KEY (run_key, cell_id, position),
    FOREIGN KEY (run_key, cell_id) REFERENCES cell (run_key, cell_id) ON DELETE CASCADE
);

CREATE TABLE telemetry_signal (
    run_key         TEXT NOT NULL,
    cell_id         TEXT NOT NULL,
    position        INTEGER NOT NULL,
    signal          TEXT NOT NULL,
    signal_order    INTEGER NOT NULL,
    unit            TEXT,
    n               INTEGER NOT NULL,
    avg_value       DOUBLE PRECISION,
    peak_value      DOUBLE PRECISION,
    min_value       DOUBLE PRECISION,
    total           DOUBLE PRECISION,
    per_token       DOUBLE PRECISION,
    PRIMARY KEY (run_key, cell_id, position, signal),
    FOREIGN KEY (run_key, cell_id, position) REFERENCES telemetry_source (run_key, cell_id, position) ON DELETE CASCADE
);
