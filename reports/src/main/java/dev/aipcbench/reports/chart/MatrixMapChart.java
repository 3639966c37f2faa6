package dev.aipcbench.reports.chart;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.MetricCatalog;
import dev.aipcbench.results.Workload;
import dev.aipcbench.results.MetricMedian;
import dev.aipcbench.reports.format.CellOrder;
import dev.aipcbench.reports.format.NumberText;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The matrix at a glance: for each runtime a grid of device (rows) x precision (columns), each square
 * coloured by decode tokens/s, or grey and labelled with its status and reason where the
 * configuration was skipped, unsupported or failed, or white where it was not planned.
 *
 * <p>Drawn with Java2D rather than XChart's heat map, which can colour a cell by value but cannot grey
 * out a cell or write a reason in it, and those are half of what this chart is for.
 */
public final class MatrixMapChart {
    private static final int WIDTH = ChartStyle.WIDTH;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TITLE_HEIGHT = 56;
    private static final int PANEL_TITLE = 26;
    private static final int HEADER = 22;
    private static final int ROW = 64;
    private static final int PANEL_GAP = 18;
    private static final int LEGEND = 64;
    private static final Color NOT_RUN = Color.WHITE;
    private static final Color GREY = new Color(0xD6D6D6);
    private static final Color GREY_FAILED = new Color(0xCDBDBD);
    private static final Color FAILED_TEXT = new Color(0x8B1A1A);
    /** Viridis at five stops: perceptually even, readable in greyscale and with colour-vision deficiencies. */
    private static final Color[] SCALE = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
        new Color(0x5EC962), new Color(0xFDE725)};

    private MatrixMapChart() {
    }

    /** What one square shows. */
    record Square(CellStatus status, double tokensPerSecond, int cells, int notOk, String reason) {
    }

    public static Optional<ChartImage> render(String fileName, List<CellResult> cells) {
        HeadlessAwt.ensure();
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        List<String> runtimes = cells.stream().map(CellResult::runtime).distinct().sorted().toList();
        List<String> devices = cells.stream().map(CellResult::device).distinct().sorted(CellOrder.DEVICE).toList();
        List<String> precisions = cells.stream().map(CellResult::precision).distinct().sorted(CellOrder.PRECISION).toList();

        List<Square[][]> panels = new ArrayList<>();
        for (String runtime : runtimes) {
            Square[][] grid = new Square[devices.size()][precisions.size()];
            for (int d = 0; d < devices.size(); d++) {
                for (int p = 0; p < precisions.size(); p++) {
                    String device = devices.get(d);
                    String precision = precisions.get(p);
                    grid[d][p] = square(cells.stream().filter(c -> runtime.equals(c.runtime()) && device.equals(c.device())
                            && precision.equals(c.precision())).toList());
                }
            }
            panels.add(grid);
        }
        ColorScale scale = scale(panels);

        int panelHeight = PANEL_TITLE + HEADER + ROW * devices.size();
        int height = TITLE_HEIGHT + runtimes.size() * (panelHeight + PANEL_GAP) + LEGEND;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(ChartStyle.TEXT);
            g.setFont(ChartStyle.TITLE_FONT);
            drawCentered(g, "Matrix: decode throughput per device \u00d7 precision, per runtime, on one colour scale", WIDTH / 2, 24);
            g.setFont(ChartStyle.TICK_FONT);
            drawCentered(g, "colour: decode tok/s (geometric mean over the generate cells; decode cells where there are"
                    + " none); grey: not ok, with the reason; white: not run", WIDTH / 2, 44);
            int y = TITLE_HEIGHT;
            for (int r = 0; r < runtimes.size(); r++) {
                drawPanel(g, runtimes.get(r), devices, precisions, panels.get(r), scale, y);
                y += panelHeight + PANEL_GAP;
            }
            drawLegend(g, scale, y);
        } finally {
            g.dispose();
        }
        String caption = "Every runtime's device \u00d7 precision matrix, coloured by decode tokens/s (geometric mean "
                + "of the cells' medians) on one scale shared by every runtime, so colours compare across them; grey squares were skipped, unsupported or failed and say why.";
        return Optional.of(new ChartImage(fileName, "Matrix map", caption, PngEncoding.of(image)));
    }

    /**
     * One colour scale for every runtime's panel, from the lowest to the highest square of any of them: the
     * same colour is the same tokens/s whichever runtime it is drawn for.
     */
    static ColorScale scale(List<Square[][]> panels) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Square[][] grid : panels) {
            for (Square[] row : grid) {
                for (Square sq : row) {
                    double v = sq == null ? Double.NaN : sq.tokensPerSecond();
                    if (v > 0) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        return new ColorScale(min, max);
    }

    /** The square of one runtime x device x precision, or null where no cell was planned. */
    static Square square(List<CellResult> group) {
        if (group.isEmpty()) {
            return null;
        }
        List<CellResult> ok = group.stream().filter(CellResult::ok).toList();
        int notOk = group.size() - ok.size();
        if (ok.isEmpty()) {
            CellResult worst = group.stream().max((a, b) -> Integer.compare(severity(a.status()), severity(b.status())))
                    .orElseThrow();
            return new Square(worst.status(), Double.NaN, group.size(), notOk, worst.reason());
        }
        // Generations are the whole story of a cell, decode steps the next best: colour by their throughput.
        double tps = geometricMean(ok, Workload.Generate.class);
        if (Double.isNaN(tps)) {
            tps = geometricMean(ok, Workload.Decode.class);
        }
        return new Square(CellStatus.OK, tps, group.size(), notOk, null);
    }

    private static int severity(CellStatus s) {
        if (s == null) {
            return 0;
        }
        switch (s) {
            case FAILED: return 3;
            case UNSUPPORTED: return 2;
            case SKIPPED: return 1;
            default: return 0;
        }
    }

    private static double geometricMean(List<CellResult> ok, Class<? extends Workload> kind) {
        double logSum = 0;
        int n = 0;
        for (CellResult c : ok) {
            double v = kind.isInstance(c.workload())
                    ? MetricMedian.orNaN(c, MetricCatalog.DECODE_TOK_S.name()) : Double.NaN;
            if (v > 0) {
                logSum += Math.log(v);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    private static void drawPanel(Graphics2D g, String runtime, List<String> devices, List<String> precisions,
                                  Square[][] grid, ColorScale scale, int top) {
        int cellWidth = (WIDTH - LEFT - RIGHT) / precisions.size();
        g.setColor(ChartStyle.TEXT);
        g.setFont(ChartStyle.AXIS_TITLE_FONT.deriveFont(Font.BOLD));
        g.drawString("runtime: " + runtime, LEFT, top + 18);
        g.setFont(ChartStyle.AXIS_TITLE_FONT);
        for (int p = 0; p < precisions.size(); p++) {
            drawCentered(g, precisions.get(p), LEFT + p * cellWidth + cellWidth / 2, top + PANEL_TITLE + 15);
        }
        int gridTop = top + PANEL_TITLE + HEADER;
        for (int d = 0; d < devices.size(); d++) {
            int y = gridTop + d * ROW;
            g.setColor(ChartStyle.TEXT);
            g.setFont(ChartStyle.AXIS_TITLE_FONT);
            g.drawString(devices.get(d), 12, y + ROW / 2 + 5);
            for (int p = 0; p < precisions.size(); p++) {
                drawSquare(g, grid[d][p], scale, LEFT + p * cellWidth, y, cellWidth, ROW);
            }
        }
    }

    private static void drawSquare(Graphics2D g, Square s, ColorScale scale, int x, int y, int w, int h) {
        Color fill = s == null ? NOT_RUN : s.status() == CellStatus.OK
                ? (s.tokensPerSecond() > 0 ? scale.color(s.tokensPerSecond()) : new Color(0xEAF2F8))
                : s.status() == CellStatus.FAILED ? GREY_FAILED : GREY;
        g.setColor(fill);
        g.fillRect(x + 2, y + 2, w - 4, h - 4);
        g.setColor(new Color(0xA0A0A0));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x + 2, y + 2, w - 4, h - 4);
        int cx = x + w / 2;
        if (s == null) {
            g.setColor(new Color(0x808080));
            g.setFont(ChartStyle.TICK_FONT);
            drawCentered(g, "not run", cx, y + h / 2 + 4);
            return;
        }
        if (s.status() == CellStatus.OK) {
            g.setColor(ColorScale.textOn(fill));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            String value = s.tokensPerSecond() > 0 ? NumberText.value(s.tokensPerSecond()) + " tok/s" : "ok";
            drawCentered(g, value, cx, y + h / 2 + (s.notOk() > 0 ? 0 : 5));
            if (s.notOk() > 0) {
                g.setFont(ChartStyle.TICK_FONT);
                drawCentered(g, "+" + s.notOk() + " of " + s.cells() + " cells not ok", cx, y + h / 2 + 18);
            }
            return;
        }
        g.setColor(s.status() == CellStatus.FAILED ? FAILED_TEXT : ChartStyle.TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        drawCentered(g, s.status().id().toUpperCase(Locale.ROOT), cx, y + 20);
        g.setColor(ChartStyle.TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        List<String> lines = wrap(s.reason() == null ? "" : s.reason(), g.getFontMetrics(), w - 12, 3);
        for (int i = 0; i < lines.size(); i++) {
            drawCentered(g, lines.get(i), cx, y + 34 + i * 11);
        }
    }

    private static void drawLegend(Graphics2D g, ColorScale scale, int top) {
        int x = LEFT;
        int barWidth = 320;
        g.setFont(ChartStyle.TICK_FONT);
        if (scale.valid()) {
            for (int i = 0; i < barWidth; i++) {
                g.setColor(scale.colorAt(i / (double) (barWidth - 1)));
                g.fillRect(x + i, top + 8, 1, 16);
            }
            g.setColor(ChartStyle.TEXT);
            g.drawRect(x, top + 8, barWidth, 16);
            g.drawString(NumberText.value(scale.min()), x, top + 40);
            String hi = NumberText.value(scale.max()) + " tok/s";
            g.drawString(hi, x + barWidth - g.getFontMetrics().stringWidth(hi), top + 40);
            String mid = scale.logarithmic() ? "decode tok/s (log scale)" : "decode tok/s";
            drawCentered(g, mid, x + barWidth / 2, top + 40);
        }
        int sx = x + barWidth + 40;
        legendSwatch(g, sx, top + 8, GREY, "skipped / unsupported");
        legendSwatch(g, sx + 190, top + 8, GREY_FAILED, "failed");
        legendSwatch(g, sx + 290, top + 8, NOT_RUN, "not run");
    }

    private static void legendSwatch(Graphics2D g, int x, int y, Color color, String text) {
        g.setColor(color);
        g.fillRect(x, y, 16, 16);
        g.setColor(new Color(0xA0A0A0));
        g.drawRect(x, y, 16, 16);
        g.setColor(ChartStyle.TEXT);
        g.drawString(text, x + 22, y + 13);
    }

    private static void drawCentered(Graphics2D g, String text, int cx, int baseline) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    /** Words of {@code text} in at most {@code maxLines} lines of {@code width} pixels, the last cut with an ellipsis. */
    static List<String> wrap(String text, FontMetrics fm, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        String[] words = text.strip().split("\\s+");
        String line = "";
        int next = 0;
        while (next < words.length && lines.size() < maxLines) {
            String candidate = line.isEmpty() ? words[next] : line + " " + words[next];
            if (line.isEmpty() || fm.stringWidth(candidate) <= width) {
                line = candidate;
                next++;
            } else {
                lines.add(line);
                line = "";
            }
        }
        boolean cut = next < words.length;
        if (!line.isEmpty()) {
            if (lines.size() < maxLines) {
                lines.add(line);
            } else {
                cut = true;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (fm.stringWidth(l) > width || (cut && i == lines.size() - 1)) {
                while (!l.isEmpty() && fm.stringWidth(l + "\u2026") > width) {
                    l = l.substring(0, l.length() - 1);
                }
                lines.set(i, l + "\u2026");
            }
        }
        return lines;
    }

    /** Maps tokens/s to viridis, logarithmically when the values span more than 10x. */
    record ColorScale(double min, double max) {
        boolean valid() {
            return min > 0 && max >= min && Double.isFinite(max);
        }

        boolean logarithmic() {
            return valid() && max / min > 10;
        }

        Color color(double v) {
            if (!valid() || max == min) {
                return SCALE[SCALE.length / 2];
            }
            double t = logarithmic() ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min);
            return colorAt(Math.max(0, Math.min(1, t)));
        }

        Color colorAt(double t) {
            double pos = t * (SCALE.length - 1);
            int i = Math.min((int) Math.floor(pos), SCALE.length - 2);
            double f = pos - i;
            Color a = SCALE[i];
            Color b = SCALE[i + 1];
            return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                    (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                    (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
        }

        /** Black on light colours, white on dark ones (relative luminance). */
        static Color textOn(Color c) {
            double lum = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            return lum > 140 ? Color.BLACK : Color.WHITE;
        }
    }
}
