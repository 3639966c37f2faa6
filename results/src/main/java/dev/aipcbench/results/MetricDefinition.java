package dev.aipcbench.results;

/**
 * What a metric is: its name in results, its unit, which direction is better, its definition (printed
 * in the report), and the short label sentences and charts call it by ("decode throughput", "TTFT").
 * Every metric the suite measures is one {@link MetricCatalog} entry.
 */
public record MetricDefinition(String name, String unit, Metric.Better better, String definition, String label) {
}
