package dev.aipcbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of the rows the suite prints, one list per row type, as llama-bench's printers share one list
 * of fields: results.csv prints {@link #CELL}, {@link #ROOFLINE} then {@link #METRIC}; the report's and summary's
 * cell tables print {@link #CELL}'s identity fields beside their metric columns.
 */
public final class ResultColumns {
    /** A cell's metric: the row type of results.csv. */
    public record MetricRow(CellResult cell, String metric, Metric value) {
    }

    /** What a cell is and how it ended. */
    public static final List<Column<CellResult>> CELL = List.of(
            new Column<>("cell", CellResult::id),
            new Column<>("runtime", CellResult::runtime),
            new Column<>("device", CellResult::device),
            new Column<>("precision", CellResult::precision),
            new Column<>("workload", c -> c.workload().kind()),
            parameter("prompt_tokens"),
            parameter("gen_tokens"),
            parameter("context_depth"),
            new Column<>("status", CellResult::status),
            new Column<>("reason", CellResult::reason));

    /** A cell beside its run's measured ceilings: what its roofline fields are computed from. */
    public record PlacedCell(CellResult cell, Ceilings ceilings) {
        Object percent(RooflinePoint.Phase phase) {
            return RooflinePoint.of(cell, phase, ceilings).map(RooflinePoint::percent).filter(Double::isFinite).orElse(null);
        }

        Object attained(RooflinePoint.Phase phase) {
            return RooflinePoint.of(cell, phase, ceilings).map(RooflinePoint::attained).orElse(null);
        }
    }

    /**
     * Where a token cell stands against the run's ceilings ({@link RooflinePoint}): decode's attained GB/s and its
     * share of the read bandwidth, prefill's attained GFLOP/s and its share of the M=512 matmul ceiling. Empty for a
     * cell without that phase, and the percentages empty where the run measured no ceiling.
     */
    public static final List<Column<PlacedCell>> ROOFLINE = List.of(
            new Column<>("decode_gb_s", c -> c.attained(RooflinePoint.Phase.DECODE)),
            new Column<>("decode_roofline_pct", c -> c.percent(RooflinePoint.Phase.DECODE)),
            new Column<>("prefill_gflop_s", c -> c.attained(RooflinePoint.Phase.PREFILL)),
            new Column<>("prefill_roofline_pct", c -> c.percent(RooflinePoint.Phase.PREFILL)));

    /** One metric of a cell: unit and summary over every measured sample. */
    public static final List<Column<MetricRow>> METRIC = List.of(
            new Column<>("metric", MetricRow::metric),
            new Column<>("unit", r -> r.value().unit()),
            new Column<>("n", r -> r.value().summary().n()),
            new Column<>("mean", r -> r.value().summary().mean()),
            new Column<>("median", r -> r.value().summary().median()),
            new Column<>("p90", r -> r.value().summary().p90()),
            new Column<>("p99", r -> r.value().summary().p99()),
            new Column<>("stddev", r -> r.value().summary().stddev()),
            new Column<>("min", r -> r.value().summary().min()),
            new Column<>("max", r -> r.value().summary().max()));

    private ResultColumns() {
    }

    private static Column<CellResult> parameter(String name) {
        return new Column<>(name, c -> c.workload().parameters().get(name));
    }

    /** results.csv's header: every cell field, every roofline field, then every metric field. */
    public static List<String> csvHeader() {
        List<String> h = new ArrayList<>();
        CELL.forEach(c -> h.add(c.name()));
        ROOFLINE.forEach(c -> h.add(c.name()));
        METRIC.forEach(c -> h.add(c.name()));
        return h;
    }

    /**
     * results.csv's rows for one cell of a run whose ceilings are {@code ceilings}: one per metric, or one with empty
     * metric fields when it measured none.
     */
    public static List<List<Object>> csvRows(CellResult cell, Ceilings ceilings) {
        List<Object> identity = new ArrayList<>();
        CELL.forEach(c -> identity.add(c.value().apply(cell)));
        PlacedCell placed = new PlacedCell(cell, ceilings);
        ROOFLINE.forEach(c -> identity.add(c.value().apply(placed)));
        List<List<Object>> rows = new ArrayList<>();
        if (cell.metrics() == null || cell.metrics().isEmpty()) {
            List<Object> row = new ArrayList<>(identity);
            METRIC.forEach(c -> row.add(null));
            rows.add(row);
            return rows;
        }
        for (Map.Entry<String, Metric> e : cell.metrics().entrySet()) {
            List<Object> row = new ArrayList<>(identity);
            MetricRow m = new MetricRow(cell, e.getKey(), e.getValue());
            METRIC.forEach(c -> row.add(c.value().apply(m)));
            rows.add(row);
        }
        return rows;
    }
}
