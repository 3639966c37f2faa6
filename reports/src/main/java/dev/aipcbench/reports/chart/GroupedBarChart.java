package dev.aipcbench.reports.chart;

import dev.aipcbench.reports.rank.CellField;
import dev.aipcbench.reports.rank.CellRanking;
import dev.aipcbench.reports.rank.MetricRanking;
import dev.aipcbench.reports.rank.RankedGroup;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.MetricDefinition;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One metric with the contenders side by side: a group of bars per what they share (device · precision ·
 * workload when runtimes compete, runtime · precision · workload when devices do), one bar and one colour
 * per contender, height the median, error bar one standard deviation of the cell's samples. The groups are
 * {@link CellRanking}'s, as in the side-by-side table. A contender without a value in a group has no bar
 * there; it is never drawn as zero.
 */
public final class GroupedBarChart {
    private static final int ROTATE_FROM = 4;

    private GroupedBarChart() {
    }

    /** The chart's file name: {@code decode-throughput-by-runtime.png}. */
    public static String fileName(MetricDefinition metric, CellField contender) {
        return RunCharts.slug(metric.label()) + "-by-" + contender.name().toLowerCase(Locale.ROOT) + ".png";
    }

    /**
     * The chart of {@code metric} with {@code contender}'s values (runtimes or devices) as bars, or none when no
     * cell measured it, or when {@code onlyIfCompared} and no group has two contenders with a value.
     */
    public static Optional<ChartImage> render(String fileName, MetricDefinition metric, CellField contender,
                                              List<CellResult> cells, boolean onlyIfCompared) {
        HeadlessAwt.ensure();
        EnumSet<CellField> shared = CellField.others(EnumSet.of(contender));
        shared.remove(CellField.WORKLOAD);
        List<RankedGroup> groups = CellRanking.holding(shared.toArray(CellField[]::new)).rank(cells, List.of(metric)).stream()
                .filter(g -> g.ranking(metric).isPresent()).toList();
        if (groups.isEmpty() || onlyIfCompared && groups.stream().noneMatch(g -> g.ranking(metric).get().placings().size() > 1)) {
            return Optional.empty();
        }
        List<String> categories = groups.stream().map(RankedGroup::label).toList();
        List<Object> values = new ArrayList<>();
        groups.stream().flatMap(g -> g.ranking(metric).get().placings().stream()).map(MetricRanking.Placing::cell)
                .sorted(contender.order()).map(contender::value).filter(v -> !values.contains(v)).forEach(values::add);
        SeriesPalette palette = new SeriesPalette(values.stream().map(String::valueOf).toList());

        String noun = contender.name().toLowerCase(Locale.ROOT);
        String title = capitalised(metric.label()) + " by " + noun;
        String shares = shared.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).reduce((a, b) -> a + " \u00b7 " + b).orElse("");
        CategoryChart chart = ChartStyle.barChart(title, shares + " \u00b7 workload", metric.label() + " (" + metric.unit() + ")");
        if (categories.size() >= ROTATE_FROM) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        for (Object v : values) {
            List<Double> medians = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (RankedGroup g : groups) {
                Optional<CellResult> cell = g.ranking(metric).get().placings().stream().map(MetricRanking.Placing::cell)
                        .filter(c -> v.equals(contender.value(c))).findFirst();
                Metric m = cell.map(c -> c.metrics().get(metric.name())).orElse(null);
                // XChart's error bars take no null: an absent bar is NaN, which it neither scales to nor draws
                medians.add(m == null ? Double.NaN : g.ranking(metric).get().of(cell.get()).get().median());
                errors.add(m == null || m.summary() == null || !Double.isFinite(m.summary().stddev()) ? 0.0 : m.summary().stddev());
            }
            CategorySeries series = chart.addSeries(String.valueOf(v), categories, medians, errors);
            series.setFillColor(palette.color(String.valueOf(v)));
        }
        String caption = capitalised(metric.label()) + " (" + metric.unit() + ", " + metric.better().name().toLowerCase(Locale.ROOT)
                + " is better) of every " + noun + " side by side, grouped by " + shares + " \u00b7 workload, one colour per "
                + noun + ": the median of every iteration, error bar \u00b11 standard deviation.";
        return Optional.of(new ChartImage(fileName, title, caption, PngEncoding.of(chart)));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
