package dev.aipcbench.reports.html.markup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A table the reader sorts by clicking a header ({@link SortScript}): numeric columns sort by the
 * number in each cell's {@code data-sort} attribute (so "1.2k" or "2.00×" sort as numbers), absent
 * values last in both directions.
 */
public final class SortableTable {
    private final String id;
    private final String cssClass;
    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();

    /** A column: its header, an optional tooltip, and whether it sorts as numbers. */
    public record Column(String title, String tooltip, boolean numeric) {
        public static Column text(String title) {
            return new Column(title, null, false);
        }

        public static Column number(String title, String tooltip) {
            return new Column(title, tooltip, true);
        }
    }

    /** A cell: what it shows (written by {@code body}), the key it sorts by, its CSS class and tooltip. */
    public record Cell(Consumer<HtmlWriter> body, String sortKey, String cssClass, String tooltip) {
        public static Cell text(String text) {
            return new Cell(out -> out.text(text), null, null, null);
        }

        public static Cell text(String text, String cssClass) {
            return new Cell(out -> out.text(text), null, cssClass, null);
        }

        /** A number shown as {@code shown}, sorting by {@code value} (NaN: absent). */
        public static Cell number(double value, String shown) {
            return new Cell(out -> out.text(shown), Double.isFinite(value) ? Double.toString(value) : "", "num", null);
        }

        public Cell withClass(String extra) {
            return new Cell(body, sortKey, cssClass == null ? extra : cssClass + " " + extra, tooltip);
        }

        public Cell withTooltip(String text) {
            return new Cell(body, sortKey, cssClass, text);
        }
    }

    private record Row(String cssClass, List<Cell> cells) {
    }

    public SortableTable(String id, String cssClass, List<Column> columns) {
        this.id = id;
        this.cssClass = cssClass;
        this.columns = List.copyOf(columns);
    }

    public SortableTable addRow(String rowClass, List<Cell> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row of " + cells.size() + " cells in a table of " + columns.size()
                    + " columns");
        }
        rows.add(new Row(rowClass, List.copyOf(cells)));
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public void write(HtmlWriter out) {
        out.open("div", "class", "table-scroll");
        out.open("table", "id", id, "class", "sortable" + (cssClass == null ? "" : " " + cssClass));
        out.open("thead").open("tr");
        for (Column c : columns) {
            out.element("th", c.title(), "data-type", c.numeric() ? "number" : "text", "title",
                    c.tooltip() == null ? "click to sort" : c.tooltip() + " (click to sort)", "scope", "col");
        }
        out.close("tr").close("thead");
        out.open("tbody");
        for (Row r : rows) {
            out.open("tr", "class", r.cssClass());
            for (Cell c : r.cells()) {
                out.open("td", "class", c.cssClass(), "data-sort", c.sortKey(), "title", c.tooltip());
                c.body().accept(out);
                out.close("td");
            }
            out.close("tr");
        }
        out.close("tbody");
        out.close("table");
        out.close("div");
    }
}
