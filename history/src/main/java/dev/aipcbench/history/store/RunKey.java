package dev.aipcbench.history.store;

import dev.aipcbench.results.RunResults;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What makes a run the same run in the store: its machine's fingerprint, its run id (the results folder's
 * name) and when it started. {@code --resume} keeps all three, so a resumed run publishes into the run it
 * continues; two machines' folders of the same name, or a folder reused for a new run, stay apart.
 */
public record RunKey(String fingerprint, String runId, String started) {

    public static RunKey of(RunResults run, String what) {
        if (run.host() == null || run.host().fingerprint() == null || run.host().fingerprint().isBlank()) {
            throw new HistoryStoreException(what + ": field host.fingerprint: missing (a run is stored under its machine's fingerprint)");
        }
        if (run.runId() == null || run.runId().isBlank()) {
            throw new HistoryStoreException(what + ": field run_id: missing");
        }
        if (run.started() == null || run.started().isBlank()) {
            throw new HistoryStoreException(what + ": field started: missing");
        }
        try {
            Instant.parse(run.started());
        } catch (DateTimeParseException e) {
            throw new HistoryStoreException(what + ": field started: expected an ISO-8601 instant, found '" + run.started() + "'");
        }
        return new RunKey(run.host().fingerprint(), run.runId(), run.started());
    }

    /** When the run started, in milliseconds since the epoch: what runs are ordered and filtered by. */
    public long startedMillis() {
        return Instant.parse(started).toEpochMilli();
    }

    /** The primary key of the run's row. */
    public String text() {
        return fingerprint + "|" + runId + "|" + started;
    }
}
