package dev.aipcbench.reports.compare;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.HostInfo;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.reports.format.NumberText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code comparison.csv}: the comparison in long format, one row per cell x metric x machine pair,
 * full precision, for spreadsheets and scripts. Rows of cells that did not end ok on both machines
 * carry the two statuses and empty values.
 */
public final class ComparisonCsv {
    static final String[] HEADER = {"cell", "runtime", "device", "precision", "workload", "metric", "unit", "better",
            "baseline_run", "baseline_machine", "baseline_fingerprint", "baseline_status", "baseline_median",
            "other_run", "other_machine", "other_fingerprint", "other_status", "other_median", "ratio", "speedup"};

    private ComparisonCsv() {
    }

    public static String render(ComparisonTable table, List<LoadedRun> runs) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (ComparisonRow r : table.rows()) {
                LoadedRun a = runs.get(r.baselineRun());
                LoadedRun b = runs.get(r.otherRun());
                CellResult c = r.baselineCell();
                p.printRecord(c.id(), c.runtime(), c.device(), c.precision(),
                        c.workload() == null ? null : c.workload().key(), r.metric(), r.unit(),
                        r.better() == null ? null : r.better().name().toLowerCase(Locale.ROOT),
                        a.results().runId(), a.label(), fingerprint(a.results()), r.baselineStatus(),
                        NumberText.plain(r.baselineMedian()),
                        b.results().runId(), b.label(), fingerprint(b.results()), r.otherStatus(),
                        NumberText.plain(r.otherMedian()), NumberText.plain(r.ratio()), NumberText.plain(r.speedup()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static String fingerprint(RunResults r) {
        HostInfo h = r.host();
        return h == null ? null : h.fingerprint();
    }
}
