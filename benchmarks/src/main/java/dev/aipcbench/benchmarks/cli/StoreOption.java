package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.history.store.HistoryStore;
import dev.aipcbench.history.store.StoreCredentials;
import dev.aipcbench.history.store.StoreLocation;
import picocli.CommandLine.Option;

/**
 * {@code --db URL}: the history store (default: the SQLite file under the user's data folder). Credentials
 * come from the environment or a file ({@link StoreCredentials}), never from the command line.
 */
public final class StoreOption {
    @Option(names = "--db", paramLabel = "URL", description = {"History store: jdbc:postgresql://HOST[:PORT]/DB or jdbc:sqlite:FILE",
            "(default $" + StoreLocation.HISTORY_ENV + ", else ~/.local/share/aipc-bench/history.db). PostgreSQL credentials:",
            "$" + StoreCredentials.USER_ENV + ", $" + StoreCredentials.PASSWORD_ENV + " or $" + StoreCredentials.PASSWORD_FILE_ENV
                    + " (else $PGUSER, $PGPASSWORD, ~/.pgpass)."})
    String url;

    /** This option where it was given, else {@code outer}'s ({@code history --db URL cells RUN} names the store too). */
    StoreOption or(StoreOption outer) {
        return url != null || outer == null ? this : outer;
    }

    HistoryStore open() {
        return HistoryStore.open("--db", url, System.getenv());
    }
}
