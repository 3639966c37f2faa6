package dev.aipcbench.history.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreLocationTest {

    @Test
    void theDefaultIsASqliteFileUnderTheDataFolderOrTheOverride() {
        StoreLocation xdg = StoreLocation.parse("--db", null, Map.of("XDG_DATA_HOME", "/data"));
        assertEquals(Path.of("/data/aipc-bench/history.db"), xdg.sqliteFile());
        assertEquals("jdbc:sqlite:/data/aipc-bench/history.db", xdg.url());
        assertEquals(Path.of("/x/h.db"), StoreLocation.parse("--db", " ", Map.of(StoreLocation.HISTORY_ENV, "/x/h.db")).sqliteFile());
    }

    @Test
    void jdbcUrlsOfBothStoresAreTakenAndOthersRefusedNamingTheFlag() {
        assertTrue(StoreLocation.parse("--db", "jdbc:sqlite:/tmp/h.db", Map.of()).isSqlite());
        assertFalse(StoreLocation.parse("--history", "jdbc:postgresql://db.lan:5433/bench", Map.of()).isSqlite());
        HistoryStoreException e = assertThrows(HistoryStoreException.class, () -> StoreLocation.parse("--history", "postgres://x/y", Map.of()));
        assertTrue(e.getMessage().startsWith("--history postgres://x/y: expected a JDBC URL"), e.getMessage());
        assertThrows(HistoryStoreException.class, () -> StoreLocation.parse("--db", "jdbc:sqlite:", Map.of()));
        assertThrows(HistoryStoreException.class, () -> StoreLocation.parse("--db", "jdbc:postgresql:bench", Map.of()));
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        HistoryStoreException e = assertThrows(HistoryStoreException.class,
                () -> StoreLocation.parse("--db", "jdbc:postgresql://h/db?user=u&PASSWORD=hunter2", Map.of()));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains(StoreCredentials.PASSWORD_ENV), e.getMessage());
    }

    @Test
    void credentialsComeFromTheEnvironmentOrAFile(@TempDir Path tmp) throws Exception {
        Path secret = Files.writeString(tmp.resolve("pw"), "from-file\n");
        StoreCredentials c = StoreCredentials.from(Map.of(StoreCredentials.USER_ENV, "bench", StoreCredentials.PASSWORD_FILE_ENV, secret.toString()));
        assertEquals("bench", c.user());
        assertEquals("from-file", c.password());
        assertFalse(c.toString().contains("from-file"));
        StoreCredentials pg = StoreCredentials.from(Map.of("PGUSER", "pguser", "PGPASSWORD", "pgpw"));
        assertEquals("pguser", pg.user());
        assertEquals("pgpw", pg.password());
        assertNull(StoreCredentials.from(Map.of()).password());
        HistoryStoreException e = assertThrows(HistoryStoreException.class,
                () -> StoreCredentials.from(Map.of(StoreCredentials.PASSWORD_FILE_ENV, tmp.resolve("missing").toString())));
        assertTrue(e.getMessage().startsWith("$" + StoreCredentials.PASSWORD_FILE_ENV), e.getMessage());
    }
}
