package dev.aipcbench.reports.rank;

import dev.aipcbench.reports.format.NumberText;
import dev.aipcbench.results.MetricDefinition;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rankings as the report and the summary word them (plain text; each writer escapes it for its format):
 * "decode throughput: onnxruntime · cpu 4269 tok/s, 4.65× better than llama.cpp · cpu (918 tok/s)".
 */
public final class RankingText {
    private RankingText() {
    }

    /** A value with its metric's unit: {@code 4269 tok/s}. */
    public static String value(MetricDefinition metric, double v) {
        return NumberText.value(v) + " " + metric.unit();
    }

    /** The metric's label and which way is better: {@code decode throughput (tok/s, higher is better)}. */
    public static String metric(MetricDefinition metric) {
        return metric.label() + " (" + metric.unit() + ", " + metric.better().name().toLowerCase(java.util.Locale.ROOT)
                + " is better)";
    }

    /** The best and by how much it leads the runner-up, or that it ran alone. */
    public static String winner(MetricRanking r) {
        MetricRanking.Placing best = r.best();
        String lead = r.runnerUp().map(p -> ", " + NumberText.ratio(r.timesBetterThan(p)) + " better than " + p.contender()
                + " (" + value(r.metric(), p.median()) + ")").orElse(" (the only one measured)");
        return best.contender() + " " + value(r.metric(), best.median()) + lead;
    }

    /** {@code decode throughput: onnxruntime · cpu 4269 tok/s, 4.65× better than ...}. */
    public static String line(MetricRanking r) {
        return r.metric().label() + ": " + winner(r);
    }

    /** Every ranking of a group, {@link #line} by line, separated by semicolons. */
    public static String lines(RankedGroup g) {
        return g.rankings().stream().map(RankingText::line).collect(Collectors.joining("; "));
    }

    /** A machine's best ({@link CellRanking#bestOfMachine}): {@code generate p128 g64: decode throughput: ...}. */
    public static String best(RankedGroup g) {
        return g.label() + ": " + lines(g);
    }

    /** {@code onnxruntime · npu: skipped (no NPU found)}, naming the workloads when not all of the group's. */
    public static String notRun(NotRun n, int workloadsInGroup) {
        String which = n.workloads().size() < workloadsInGroup ? " for " + String.join(", ", n.workloads()) : "";
        return n.contender() + ": " + n.status().id() + " (" + n.reason() + ")" + which;
    }

    /** Every entry of {@code notRun}, separated by semicolons. */
    public static String notRun(List<NotRun> notRun, int workloadsInGroup) {
        return notRun.stream().map(n -> notRun(n, workloadsInGroup)).collect(Collectors.joining("; "));
    }
}
