package dev.aipcbench.reports.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aipcbench.results.ResultsFolder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Practical thresholds in percent: how much worse a metric must get before the gate calls it a
 * regression (and how much better before it reports an improvement). The most specific entry wins:
 * cell + metric, then the cell's default, then the metric's, then the global default. A cell's own
 * default beats a metric-wide entry because a cell known to be noisy (an NPU compile, say) needs its
 * slack on every metric.
 *
 * <p>Profiles write them as
 * <pre>
 * "thresholds": {"default": "5%", "metrics": {"ttft_ms": "10%"},
 *                "cells": {"onnxruntime/cpu/int4/generate-p128-g32": {"default": "8%", "tpot_ms": "3%"}}}
 * </pre>
 */
public record GateThresholds(double defaultPct, Map<String, Double> metrics, Map<String, CellThresholds> cells) {
    public static final double DEFAULT_PCT = 5.0;
    private static final Set<String> TOP_FIELDS = Set.of("default", "metrics", "cells");

    public GateThresholds {
        metrics = Map.copyOf(metrics);
        cells = Map.copyOf(cells);
    }

    /** One cell's overrides: its default (may be null) and per-metric values. */
    public record CellThresholds(Double defaultPct, Map<String, Double> metrics) {
        public CellThresholds {
            metrics = Map.copyOf(metrics);
        }
    }

    /** The global default only. */
    public static GateThresholds uniform(double pct) {
        return new GateThresholds(GatePercent.of("threshold", pct), Map.of(), Map.of());
    }

    public static GateThresholds defaults() {
        return uniform(DEFAULT_PCT);
    }

    /** The same overrides with another global default (the command line's {@code --threshold} wins over the profile). */
    public GateThresholds withDefault(double pct) {
        return new GateThresholds(GatePercent.of("--threshold", pct), metrics, cells);
    }

    /** The threshold, in percent, for one metric of one cell. */
    public double resolve(String cellId, String metric) {
        CellThresholds cell = cells.get(cellId);
        if (cell != null) {
            Double own = cell.metrics().get(metric);
            if (own != null) {
                return own;
            }
            if (cell.defaultPct() != null) {
                return cell.defaultPct();
            }
        }
        return metrics.getOrDefault(metric, defaultPct);
    }

    /** Reads the {@code thresholds} entry of a profile map; no entry gives {@link #defaults()}. */
    public static GateThresholds fromProfile(Map<String, ?> profile) {
        if (profile == null || profile.get("thresholds") == null) {
            return defaults();
        }
        return fromJson(ResultsFolder.JSON.valueToTree(profile.get("thresholds")));
    }

    /** Reads a {@code thresholds} object; errors are one line naming the field ({@code thresholds.metrics.ttft_ms: ...}). */
    public static GateThresholds fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return defaults();
        }
        requireObject("thresholds", node);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String f = e.getKey();
            if (!TOP_FIELDS.contains(f)) {
                throw new GateInputException("thresholds." + f + ": unknown field (expected default, metrics or cells)");
            }
        }
        double def = node.has("default") ? GatePercent.parse("thresholds.default", node.get("default")) : DEFAULT_PCT;
        Map<String, Double> metrics = percents("thresholds.metrics", node.get("metrics"), null);
        Map<String, CellThresholds> cells = new LinkedHashMap<>();
        JsonNode cellsNode = node.get("cells");
        if (cellsNode != null && !cellsNode.isNull()) {
            requireObject("thresholds.cells", cellsNode);
            for (Map.Entry<String, JsonNode> e : cellsNode.properties()) {
                String field = "thresholds.cells." + e.getKey();
                JsonNode cellNode = e.getValue();
                if (cellNode.isTextual() || cellNode.isNumber()) {
                    // shorthand: "cell": "8%" sets the cell's default
                    cells.put(e.getKey(), new CellThresholds(GatePercent.parse(field, cellNode), Map.of()));
                    continue;
                }
                Map<String, Double> perMetric = percents(field, cellNode, "default");
                Double cellDefault = cellNode.has("default") ? GatePercent.parse(field + ".default", cellNode.get("default")) : null;
                cells.put(e.getKey(), new CellThresholds(cellDefault, perMetric));
            }
        }
        return new GateThresholds(def, metrics, cells);
    }

    private static Map<String, Double> percents(String field, JsonNode node, String skip) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        requireObject(field, node);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getKey().equals(skip)) {
                out.put(e.getKey(), GatePercent.parse(field + "." + e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private static void requireObject(String field, JsonNode node) {
        if (!node.isObject()) {
            throw new GateInputException(field + ": expected an object, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
    }
}
