package dev.aipcbench.reports.html.section;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.TokenAnatomy;
import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.format.CellOrder;
import dev.aipcbench.reports.format.NumberText;
import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.reports.roofline.AnatomyBar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Token anatomy: where one profiled decode step's and one prefill's time went by operator type, a stacked bar per
 * cell, from the runtime's own profiler in a pass after the timed session (never during a timed shot). Each bar's
 * total is the step as the runtime timed it, held against the cell's measured TPOT; cells whose runtime exposes no
 * breakdown say what it has.
 */
public final class AnatomySection implements ReportSection {
    /** Bar colours in turn (the charts' palette, so the page reads as one). */
    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31", "#999999"};

    private final List<LoadedRun> runs;

    public AnatomySection(List<LoadedRun> runs) {
        this.runs = runs;
    }

    @Override
    public String id() {
        return "anatomy";
    }

    @Override
    public String title() {
        return "Token anatomy";
    }

    @Override
    public boolean present() {
        return runs.stream().flatMap(r -> r.results().cells().stream()).anyMatch(c -> !AnatomyBar.of(c).isEmpty() || note(c) != null);
    }

    @Override
    public void write(HtmlWriter out) {
        out.element("p", "Where one decode step's and one prefill's time goes, by operator type, as each runtime's own profiler "
                + "saw it in a short generation after the cell's timed shots (profiling slows what it watches, so it never "
                + "runs during one). A bar sums to the profiled step as the runtime timed it: its kernels by operator type "
                + "(norms together, types under 2 % as other) and the runtime's time between kernels. The decode step is held "
                + "against the cell's measured TPOT.", "class", "muted");
        for (LoadedRun run : runs) {
            if (runs.size() > 1) {
                out.element("h3", run.label());
            }
            List<CellResult> cells = new ArrayList<>(run.results().cells());
            cells.sort(CellOrder.CELL);
            out.open("table", "class", "anatomy");
            out.open("thead").open("tr");
            for (String h : List.of("cell", "step", "where the time goes", "profiled ms", "measured ms", "profiled vs measured")) {
                out.element("th", h);
            }
            out.close("tr").close("thead").open("tbody");
            for (CellResult c : cells) {
                for (AnatomyBar bar : AnatomyBar.of(c)) {
                    row(out, bar);
                }
                String note = note(c);
                if (note != null && AnatomyBar.of(c).isEmpty()) {
                    out.open("tr", "class", "anatomy-note");
                    out.element("td", c.id()).element("td", "").element("td", note, "colspan", "4");
                    out.close("tr");
                }
            }
            out.close("tbody").close("table");
        }
    }

    private static void row(HtmlWriter out, AnatomyBar bar) {
        TokenAnatomy a = bar.anatomy();
        out.open("tr", "class", "anatomy-row", "data-cell", bar.cell().id(), "data-step", a.step().label());
        out.element("td", bar.cell().id());
        out.element("td", a.step() == TokenAnatomy.Step.DECODE ? "decode step, " + a.position() + " tokens cached"
                : "prefill of " + a.position() + " tokens");
        out.open("td");
        out.open("div", "class", "anatomy-bar", "role", "img", "aria-label", bar.text());
        int i = 0;
        for (AnatomyBar.Part p : bar.parts()) {
            double pct = bar.percent(p);
            out.element("span", pct >= 8 ? String.format(Locale.ROOT, "%s %.0f %%", p.name(), pct) : "",
                    "class", "anatomy-part", "data-op", p.name(), "data-ms", String.format(Locale.ROOT, "%.3f", p.ms()),
                    "title", String.format(Locale.ROOT, "%s: %.1f %% (%.2f ms)", p.name(), pct, p.ms()),
                    "style", String.format(Locale.ROOT, "width:%.2f%%;background:%s", pct, COLOURS[i++ % COLOURS.length]));
        }
        out.close("div");
        out.element("div", bar.text(), "class", "anatomy-text");
        out.close("td");
        out.element("td", NumberText.value(bar.totalMs()), "class", "num");
        out.element("td", bar.measuredMs().isPresent() ? NumberText.value(bar.measuredMs().getAsDouble()) : NumberText.ABSENT, "class", "num");
        double dev = bar.deviationPct();
        out.element("td", Double.isNaN(dev) ? "not the cell's prompt length" : String.format(Locale.ROOT, "%+.1f %%", dev),
                "class", "num anatomy-deviation");
        out.close("tr");
    }

    private static String note(CellResult c) {
        return c.session() == null ? null : c.session().get(TokenAnatomy.NOTE);
    }
}
