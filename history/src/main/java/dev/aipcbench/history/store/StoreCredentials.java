package dev.aipcbench.history.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Who connects to a PostgreSQL store: the user from $AIPCBENCH_DB_USER (else $PGUSER), the password from
 * $AIPCBENCH_DB_PASSWORD, or the first line of the file $AIPCBENCH_DB_PASSWORD_FILE names (a CI secret
 * mounted as a file), else $PGPASSWORD; with none of them the PostgreSQL driver reads ~/.pgpass
 * ($PGPASSFILE) itself. Never from the command line.
 */
public record StoreCredentials(String user, String password) {
    public static final String USER_ENV = "AIPCBENCH_DB_USER";
    public static final String PASSWORD_ENV = "AIPCBENCH_DB_PASSWORD";
    public static final String PASSWORD_FILE_ENV = "AIPCBENCH_DB_PASSWORD_FILE";

    public static StoreCredentials from(Map<String, String> env) {
        String user = first(env.get(USER_ENV), env.get("PGUSER"));
        String password = env.get(PASSWORD_ENV);
        String file = env.get(PASSWORD_FILE_ENV);
        if (isBlank(password) && !isBlank(file)) {
            try {
                password = Files.readAllLines(Path.of(file)).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new HistoryStoreException("$" + PASSWORD_FILE_ENV + " " + file + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return new StoreCredentials(user, first(password, env.get("PGPASSWORD")));
    }

    /** The JDBC connection properties (only those set, so the URL's own {@code user=} still counts). */
    Properties properties() {
        Properties p = new Properties();
        if (!isBlank(user)) {
            p.setProperty("user", user);
        }
        if (!isBlank(password)) {
            p.setProperty("password", password);
        }
        return p;
    }

    private static String first(String a, String b) {
        return !isBlank(a) ? a : isBlank(b) ? null : b;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "StoreCredentials[user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
