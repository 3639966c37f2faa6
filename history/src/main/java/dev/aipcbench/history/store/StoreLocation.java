package dev.aipcbench.history.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the history lives: a JDBC URL, either {@code jdbc:sqlite:FILE} (one machine; the default, a file
 * under the user's data folder) or {@code jdbc:postgresql://HOST[:PORT]/DB} (a fleet). Passwords never
 * travel in the URL (it lands in shell history and process lists): they come from {@link StoreCredentials}.
 *
 * @param url      the JDBC URL
 * @param flag     the flag it came from, for error lines ({@code --db}, {@code --history}, {@code --publish})
 * @param sqliteFile the database file for SQLite, else null
 */
public record StoreLocation(String url, String flag, Path sqliteFile) {
    public static final String SQLITE = "jdbc:sqlite:";
    public static final String POSTGRESQL = "jdbc:postgresql:";
    /** Overrides the default SQLite file. */
    public static final String HISTORY_ENV = "AIPC_BENCH_HISTORY";

    public boolean isSqlite() {
        return sqliteFile != null;
    }

    /** The URL as error lines name it. */
    public String describe() {
        return flag + " " + url;
    }

    /**
     * The store of {@code text} as given to {@code flag}: null or blank means the default SQLite file; a JDBC
     * URL of SQLite or PostgreSQL is taken as is; anything else is refused naming the flag.
     */
    public static StoreLocation parse(String flag, String text, Map<String, String> env) {
        if (text == null || text.isBlank()) {
            Path file = defaultFile(env);
            return new StoreLocation(SQLITE + file, flag, file);
        }
        String url = text.strip();
        if (url.startsWith(SQLITE)) {
            String file = url.substring(SQLITE.length());
            int query = file.indexOf('?');
            file = query < 0 ? file : file.substring(0, query);
            if (file.isBlank() || file.equals(":memory:")) {
                throw new HistoryStoreException(flag + " " + url + ": expected a database file after jdbc:sqlite: (e.g. jdbc:sqlite:/srv/aipc-bench/history.db)");
            }
            return new StoreLocation(url, flag, Path.of(file));
        }
        if (url.startsWith(POSTGRESQL)) {
            if (!url.startsWith(POSTGRESQL + "//") || url.length() <= (POSTGRESQL + "//").length()) {
                throw new HistoryStoreException(flag + " " + url + ": expected jdbc:postgresql://HOST[:PORT]/DATABASE");
            }
            if (url.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
                throw new HistoryStoreException(flag + " " + url.replaceAll("(?i)password=[^&]*", "password=***")
                        + ": a password in the URL is refused (it would show in process lists and shell history); set "
                        + StoreCredentials.PASSWORD_ENV + " or " + StoreCredentials.PASSWORD_FILE_ENV + " instead");
            }
            return new StoreLocation(url, flag, null);
        }
        throw new HistoryStoreException(flag + " " + url + ": expected a JDBC URL jdbc:postgresql://HOST[:PORT]/DATABASE or jdbc:sqlite:FILE");
    }

    /**
     * $AIPC_BENCH_HISTORY, else history.db in the user's data folder: %LOCALAPPDATA%\aipc-bench on Windows,
     * $XDG_DATA_HOME/aipc-bench or ~/.local/share/aipc-bench elsewhere.
     */
    static Path defaultFile(Map<String, String> env) {
        String override = env.get(HISTORY_ENV);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String localAppData = env.get("LOCALAPPDATA");
        if (System.getProperty("os.name", "").startsWith("Windows") && localAppData != null && !localAppData.isBlank()) {
            return Path.of(localAppData, "aipc-bench", "history.db");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("aipc-bench").resolve("history.db");
    }
}
