package dev.aipcbench.reports.html.section;

import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.reports.html.markup.SortableTable;
import dev.aipcbench.reports.table.AgreementTable;

import java.util.List;
import java.util.Locale;

/**
 * "Same weights, same tokens" ({@link AgreementTable}) per run: the evidence that every runtime measured the
 * same work. A runtime that disagrees at fp32 is a defect and shown in red.
 */
public final class AgreementSection implements ReportSection {
    private final List<LoadedRun> runs;

    public AgreementSection(List<LoadedRun> runs) {
        this.runs = runs;
    }

    @Override
    public String id() {
        return "agreement";
    }

    @Override
    public String title() {
        return "Output agreement";
    }

    @Override
    public boolean present() {
        return runs.stream().anyMatch(r -> !AgreementTable.of(r.results()).isEmpty());
    }

    @Override
    public void write(HtmlWriter out) {
        out.element("p", "Every runtime generates the same fixed prompt greedily on the same weights after its cell's timed "
                + "iterations; its tokens (and, where the runtime exposes them, the first position's logits) are compared with "
                + "the reference. At fp32 every token must agree.", "class", "muted");
        for (LoadedRun run : runs) {
            List<AgreementTable.Row> rows = AgreementTable.of(run.results());
            if (rows.isEmpty()) {
                continue;
            }
            if (runs.size() > 1) {
                out.element("h3", run.label());
            }
            out.element("p", AgreementTable.referenceText(run.results()), "class", "muted");
            SortableTable t = new SortableTable("agreement-" + runs.indexOf(run), "agreement", List.of(
                    SortableTable.Column.text("precision"), SortableTable.Column.text("runtime"), SortableTable.Column.text("device"),
                    SortableTable.Column.number("tokens agreeing", "equal from the first token on, of the probe's tokens"),
                    SortableTable.Column.number("logits cosine", "cosine similarity of the first generated position's logits"),
                    SortableTable.Column.text("verdict")));
            for (AgreementTable.Row r : rows) {
                String css = r.verdict() == AgreementTable.Verdict.DEFECT ? "worse" : r.verdict() == AgreementTable.Verdict.AGREES ? "better" : null;
                t.addRow(r.verdict() == AgreementTable.Verdict.DEFECT ? "defect" : null, List.of(
                        SortableTable.Cell.text(r.precision()), SortableTable.Cell.text(r.runtime()), SortableTable.Cell.text(r.device()),
                        SortableTable.Cell.number(r.leading() == null ? Double.NaN : r.leading(), r.tokens()),
                        SortableTable.Cell.number(r.cosine() == null ? Double.NaN : r.cosine(), r.cosineText()),
                        SortableTable.Cell.text(r.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + (r.note() == null ? "" : ": " + r.note()), css)));
            }
            t.write(out);
        }
    }
}
