package dev.aipcbench.reports.chart;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * The look every chart shares: 900 x 500 pixels, a white background, grey grid, the logical
 * SansSerif font (present on every JVM, so rendering needs no font download) and the legend beside
 * the plot.
 */
public final class ChartStyle {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    public static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Color GRID = new Color(0xE0E0E0);
    public static final Color TEXT = new Color(0x222222);

    private ChartStyle() {
    }

    public static XYChart xyChart(String title, String xTitle, String yTitle) {
        return xyChart(WIDTH, HEIGHT, title, xTitle, yTitle);
    }

    public static XYChart xyChart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        apply(chart.getStyler());
        return chart;
    }

    public static CategoryChart barChart(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        apply(chart.getStyler());
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setAvailableSpaceFill(0.7);
        chart.getStyler().setErrorBarsColor(TEXT);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /**
     * Makes the y axis logarithmic from the decade below {@code min} to the decade above {@code max}:
     * XChart labels only decades (labelling every tick piles the labels up), so whole decades at both
     * ends put a label under the lowest values too; the grid keeps a line at every multiple.
     */
    public static void logarithmicY(AxesChartStyler s, double min, double max) {
        s.setYAxisLogarithmic(true);
        s.setYAxisLogarithmicDecadeOnly(true);
        s.setYAxisDecimalPattern("0.###");
        double floor = Math.pow(10, Math.floor(Math.log10(min)));
        double ceiling = Math.pow(10, Math.ceil(Math.log10(max)));
        s.setYAxisMin(floor);
        s.setYAxisMax(ceiling > floor ? ceiling : floor * 10);
    }

    private static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0xB0B0B0));
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(TEXT);
        s.setAxisTickLabelsColor(TEXT);
        s.setChartTitleFont(TITLE_FONT);
        s.setAxisTitleFont(AXIS_TITLE_FONT);
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setLegendFont(LEGEND_FONT);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setChartTitleBoxVisible(false);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        s.setSeriesColors(SeriesPalette.COLORS);
    }
}
