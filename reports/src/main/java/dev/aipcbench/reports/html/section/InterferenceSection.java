package dev.aipcbench.reports.html.section;

import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.reports.html.markup.SortableTable;
import dev.aipcbench.results.CellResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Forks that other work on the machine disturbed, with the evidence: the reader sees which cells were
 * rerun and why, and that those forks' samples are not in the numbers above. A cell whose every fork was
 * disturbed is flagged: its numbers measured the neighbour and the gate does not judge it.
 */
public final class InterferenceSection implements ReportSection {
    private final List<LoadedRun> runs;

    public InterferenceSection(List<LoadedRun> runs) {
        this.runs = runs;
    }

    @Override
    public String id() {
        return "interference";
    }

    @Override
    public String title() {
        return "Disturbed forks";
    }

    @Override
    public boolean present() {
        return runs.stream().anyMatch(r -> r.results().cells().stream().anyMatch(c -> !c.disturbedForks().isEmpty()));
    }

    @Override
    public void write(HtmlWriter out) {
        out.element("p", "While a fork measured, other processes kept cores busy or the hypervisor stole time beyond the "
                + "profile's interference limits. Each such fork was run again; its samples are left out of the cell's metrics "
                + "(unless no fork was spared, flagged below).", "class", "muted");
        List<SortableTable.Column> columns = new ArrayList<>();
        if (runs.size() > 1) {
            columns.add(SortableTable.Column.text("machine"));
        }
        columns.addAll(List.of(SortableTable.Column.text("cell"), SortableTable.Column.number("forks", "forks the cell ran, reruns included"),
                SortableTable.Column.number("disturbed", "forks left out"), SortableTable.Column.text("evidence"),
                SortableTable.Column.text("counted")));
        SortableTable t = new SortableTable("disturbed-forks", "disturbed forks", columns);
        for (LoadedRun run : runs) {
            for (CellResult c : run.results().cells()) {
                List<CellResult.Fork> disturbed = c.disturbedForks();
                if (disturbed.isEmpty()) {
                    continue;
                }
                List<SortableTable.Cell> cells = new ArrayList<>();
                if (runs.size() > 1) {
                    cells.add(SortableTable.Cell.text(run.label()));
                }
                boolean none = c.everyForkDisturbed();
                cells.addAll(List.of(SortableTable.Cell.text(c.id()), SortableTable.Cell.number(c.forks().size(), Integer.toString(c.forks().size())),
                        SortableTable.Cell.number(disturbed.size(), Integer.toString(disturbed.size())),
                        SortableTable.Cell.text(disturbed.get(0).evidence()),
                        SortableTable.Cell.text(none ? "every fork disturbed: numbers not trustworthy" : "undisturbed forks only",
                                none ? "worse" : null)));
                t.addRow(none ? "all-disturbed" : null, cells);
            }
        }
        t.write(out);
    }
}
