package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.history.report.HistoryReport;
import dev.aipcbench.history.store.HistoryStore;
import dev.aipcbench.history.store.RunFilter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code report --db URL}: the history report, and what it prints. */
final class HistoryReportRun {
    private HistoryReportRun() {
    }

    static int write(String db, RunFilter filter, Path out) throws IOException {
        try (HistoryStore store = HistoryStore.open("--db", db.isEmpty() ? null : db, System.getenv())) {
            HistoryReport.Written w = HistoryReport.write(store, filter, out);
            System.err.printf("report: %s (%d machine(s), latest runs), %s (%d trend chart(s) over %d run(s))%n", w.report().html(),
                    w.latest().size(), w.trendsHtml(), w.trendCharts().size(), w.runs());
            System.out.println(w.report().html().toAbsolutePath());
        }
        return 0;
    }

    /** {@code --since}: a date (from its first instant, UTC) or an instant. */
    static Instant since(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--since: expected a date like 2026-12-01 or an instant like 2026-12-01T08:00:00Z, got '"
                        + text + "'");
            }
        }
    }
}
