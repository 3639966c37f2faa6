package dev.aipcbench.reports.table;

/** What a metric means: its name in results, its unit, which direction is better, and its definition. */
public record MetricDefinition(String name, String unit, String better, String definition) {
}
