package dev.aipcbench.reports.table;

import dev.aipcbench.reports.format.CellOrder;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.RunResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Same weights, same tokens: per precision, each runtime x device's agreement with the reference (the
 * suite's ONNX Runtime loop at fp32) on the agreement probe, from the generate cells' outputs. At fp32
 * anything short of every token agreeing is a defect of the runtime or of the suite's model in its format;
 * at lower precisions some drift is expected and shown. Both report.html and summary.md print these rows.
 */
public final class AgreementTable {
    /** A probe's tokens agree "well" at reduced precision from this share on; below it the row is flagged. */
    private static final double LOW_PRECISION_FLOOR = 0.5;

    /** How a row reads. */
    public enum Verdict { AGREES, DRIFTS, DEFECT, NOT_COMPARED }

    /** One runtime x device x precision. */
    public record Row(String precision, String runtime, String device, String cell, Integer leading, Integer matching, Integer of,
                      Double cosine, Verdict verdict, String note) {
        /** "16/16" or a dash. */
        public String tokens() {
            return leading == null ? "-" : leading + "/" + of + (matching != null && !matching.equals(leading) ? " (" + matching + " at their place)" : "");
        }

        public String cosineText() {
            return cosine == null ? "-" : String.format(Locale.ROOT, "%.6f", cosine);
        }
    }

    private AgreementTable() {
    }

    /** The rows of a run (one per generate cell with an output; the first per runtime x device x precision). */
    public static List<Row> of(RunResults run) {
        List<Row> rows = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<CellResult> cells = new ArrayList<>(run.cells());
        cells.sort(java.util.Comparator.comparing(CellResult::precision, CellOrder.PRECISION).thenComparing(CellOrder.CELL));
        for (CellResult c : cells) {
            if (!c.ok() || c.output() == null) {
                continue;
            }
            String key = c.runtime() + "/" + c.device() + "/" + c.precision();
            if (seen.contains(key)) {
                continue;
            }
            seen.add(key);
            rows.add(row(c).orElseThrow());
        }
        return rows;
    }

    /** The agreement row of one cell: a generate cell that ended ok with an output; none otherwise. */
    public static Optional<Row> row(CellResult c) {
        if (!c.ok() || c.output() == null) {
            return Optional.empty();
        }
        CellResult.Agreement a = c.output().agreement();
        if (a == null || a.of() == 0) {
            return Optional.of(new Row(c.precision(), c.runtime(), c.device(), c.id(), null, null, null, null,
                    Verdict.NOT_COMPARED, a == null ? "no fp32 reference in this run" : a.reference()));
        }
        Verdict v;
        if (a.leading() == a.of() && (a.cosine() == null || a.cosine() > 0.999 || !"fp32".equals(c.precision()))) {
            v = Verdict.AGREES;
        } else if ("fp32".equals(c.precision())) {
            v = Verdict.DEFECT;
        } else {
            v = a.matching() >= LOW_PRECISION_FLOOR * a.of() ? Verdict.DRIFTS : Verdict.DEFECT;
        }
        return Optional.of(new Row(c.precision(), c.runtime(), c.device(), c.id(), a.leading(), a.matching(), a.of(),
                a.cosine(), v, v == Verdict.DEFECT && "fp32".equals(c.precision()) ? "disagrees with the reference at fp32: a defect" : null));
    }

    /** What the reference was, for the table's caption. */
    public static String referenceText(RunResults run) {
        return run.reference() == null ? "no reference: the run has no onnxruntime/cpu/fp32 generate cell and no small synthetic model"
                : "reference: " + run.reference().source() + ", the suite's ONNX Runtime loop at fp32; probe: "
                + (run.reference().prompt() == null ? 0 : run.reference().prompt().size()) + " prompt tokens, "
                + (run.reference().tokens() == null ? 0 : run.reference().tokens().size()) + " generated greedily";
    }
}
