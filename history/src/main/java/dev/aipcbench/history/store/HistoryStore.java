package dev.aipcbench.history.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * An open history store: one JDBC connection, its schema created or migrated by Flyway to this suite's
 * version first. A store whose schema is newer than this suite knows is refused (a newer aipc-bench wrote
 * to it; writing with the old one could lose what the new schema holds), as are a store that cannot be
 * reached and credentials the server rejects, each in one line naming the store.
 */
public final class HistoryStore implements AutoCloseable {
    /** The highest schema version this suite's migrations create ({@code V<n>__*.sql}). */
    public static final int SCHEMA_VERSION = 1;
    static final String MIGRATIONS = "classpath:dev/aipcbench/history/migration";
    static final String SCHEMA_HISTORY_TABLE = "aipcbench_schema_history";

    private final StoreLocation location;
    private final Properties props;
    private final Connection connection;

    private HistoryStore(StoreLocation location, Properties props, Connection connection) {
        this.location = location;
        this.props = props;
        this.connection = connection;
    }

    /** Opens the store named by {@code flag}'s value ({@code text}, null for the default), with credentials from {@code env}. */
    public static HistoryStore open(String flag, String text, Map<String, String> env) {
        StoreLocation location = StoreLocation.parse(flag, text, env);
        return open(location, StoreCredentials.from(env));
    }

    public static HistoryStore open(StoreLocation location, StoreCredentials credentials) {
        if (location.isSqlite()) {
            prepareSqliteFolder(location);
        }
        Properties props = credentials.properties();
        if (!location.isSqlite()) {
            props.putIfAbsent("connectTimeout", "10");
            props.putIfAbsent("ApplicationName", "aipc-bench");
        }
        Connection c = connect(location, props);
        try {
            if (location.isSqlite()) {
                try (Statement s = c.createStatement()) {
                    // SQLite enforces foreign keys (and so cascades a replaced cell's rows) only when asked, per connection.
                    s.execute("PRAGMA foreign_keys = ON");
                    s.execute("PRAGMA busy_timeout = 10000");
                }
            }
            migrate(location, props);
            return new HistoryStore(location, props, c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the error that brought us here is the one to report
            }
            if (e instanceof HistoryStoreException h) {
                throw h;
            }
            throw new HistoryStoreException(location.describe() + ": " + message(e), e);
        }
    }

    public StoreLocation location() {
        return location;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new HistoryStoreException(location.describe() + ": cannot close the connection: " + message(e), e);
        }
    }

    private static void prepareSqliteFolder(StoreLocation location) {
        Path parent = location.sqliteFile().toAbsolutePath().getParent();
        if (Files.isDirectory(location.sqliteFile())) {
            throw new HistoryStoreException(location.describe() + ": is a folder, expected a database file");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new HistoryStoreException(location.describe() + ": cannot create the folder " + parent + " (" + e.getMessage() + ")");
        }
    }

    private static Connection connect(StoreLocation location, Properties props) {
        try {
            return DriverManager.getConnection(location.url(), props);
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
                throw new HistoryStoreException(location.describe() + ": not a URL the " + (location.isSqlite() ? "SQLite" : "PostgreSQL")
                        + " driver accepts (expected jdbc:postgresql://HOST[:PORT]/DATABASE or jdbc:sqlite:FILE)", e);
            }
            throw new HistoryStoreException(location.describe() + ": cannot connect: " + message(e), e);
        }
    }

    /** Refuses a schema newer than {@link #SCHEMA_VERSION}, then applies the migrations the store lacks. */
    private static void migrate(StoreLocation location, Properties props) {
        Flyway flyway = flyway(location, props);
        try {
            for (MigrationInfo applied : flyway.info().applied()) {
                if (applied.getState() == MigrationState.FUTURE_SUCCESS || applied.getState() == MigrationState.FUTURE_FAILED) {
                    throw new HistoryStoreException(location.describe() + ": the history schema is at version " + applied.getVersion()
                            + ", newer than this aipc-bench knows (" + SCHEMA_VERSION + "); use a newer aipc-bench with this store");
                }
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new HistoryStoreException(location.describe() + ": cannot migrate the history schema: " + message(e), e);
        }
    }

    private static Flyway flyway(StoreLocation location, Properties props) {
        return Flyway.configure(HistoryStore.class.getClassLoader())
                .dataSource(location.url(), props.getProperty("user"), props.getProperty("password"))
                .locations(MIGRATIONS)
                .table(SCHEMA_HISTORY_TABLE)
                .connectRetries(0)
                .load();
    }

    /** The first line of the deepest message that says something (drivers wrap the real cause). */
    static String message(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                best = m;
                if (t instanceof SQLException) {
                    break;
                }
            }
        }
        if (best == null) {
            return e.getClass().getSimpleName();
        }
        int nl = best.indexOf('\n');
        return (nl < 0 ? best : best.substring(0, nl)).strip();
    }
}
