package dev.aipcbench.reports.html.section;

import dev.aipcbench.results.CellStatus;
import dev.aipcbench.reports.html.markup.SortableTable;

/** How a cell status looks: its word, coloured by the stylesheet's {@code status-*} classes. */
final class StatusStyle {
    private StatusStyle() {
    }

    static String cssClass(CellStatus s) {
        return "status status-" + (s == null ? "unknown" : s.id());
    }

    static SortableTable.Cell cell(CellStatus s) {
        return SortableTable.Cell.text(s == null ? "?" : s.id(), cssClass(s));
    }
}
