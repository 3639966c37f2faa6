package dev.aipcbench.reports.html.section;

import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.format.NumberText;
import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.reports.rank.MetricRanking;
import dev.aipcbench.reports.rank.NotRun;
import dev.aipcbench.reports.rank.RankedGroup;
import dev.aipcbench.reports.rank.RankingText;
import dev.aipcbench.reports.rank.WhichToUse;

import java.util.List;
import java.util.Locale;

/**
 * The page's first answer, "what should I run on this PC?": per precision and workload, the best runtime ·
 * device for each {@link dev.aipcbench.reports.rank.CellRanking#WHICH_TO_USE} metric, the runner-up and
 * how many times better the best is; beside them every runtime · device that did not run, with why.
 */
public final class WhichToUseSection implements ReportSection {
    private final List<LoadedRun> runs;

    public WhichToUseSection(List<LoadedRun> runs) {
        this.runs = runs;
    }

    @Override
    public String id() {
        return "which-to-use";
    }

    @Override
    public String title() {
        return "Which to use";
    }

    @Override
    public boolean present() {
        return runs.stream().anyMatch(r -> !r.results().cells().isEmpty());
    }

    @Override
    public void write(HtmlWriter out) {
        out.element("p", "Per precision and workload, the best runtime \u00b7 device by each metric's median, the runner-up, "
                + "and how many times better the best is (its throughput over theirs, or their latency, energy or memory over "
                + "its). The side-by-side tables below show every value.", "class", "muted");
        for (int i = 0; i < runs.size(); i++) {
            LoadedRun run = runs.get(i);
            if (runs.size() > 1) {
                out.element("h3", run.label());
            }
            WhichToUse advice = WhichToUse.of(run.results().cells());
            for (WhichToUse.AtPrecision p : advice.precisions()) {
                precision(out, i, p, runs.size() > 1 ? "h4" : "h3");
            }
        }
    }

    private static void precision(HtmlWriter out, int run, WhichToUse.AtPrecision p, String heading) {
        out.element(heading, p.precision());
        List<RankedGroup> ranked = p.ranked();
        if (ranked.isEmpty()) {
            out.element("p", "Nothing ran at " + p.precision() + ".", "class", "muted");
        } else {
            out.open("div", "class", "table-scroll");
            out.open("table", "id", "which-" + run + "-" + p.precision().toLowerCase(Locale.ROOT), "class", "which");
            out.open("thead").open("tr");
            for (String h : List.of("workload", "metric", "best", "runner-up", "best is")) {
                out.element("th", h, "scope", "col");
            }
            out.close("tr").close("thead").open("tbody");
            for (RankedGroup g : ranked) {
                String workload = g.cells().get(0).workload().label();
                for (int r = 0; r < g.rankings().size(); r++) {
                    MetricRanking m = g.rankings().get(r);
                    out.open("tr", "data-metric", m.metric().name(), "data-workload", g.cells().get(0).workload().key());
                    if (r == 0) {
                        out.element("th", workload, "scope", "rowgroup", "rowspan", Integer.toString(g.rankings().size()));
                    }
                    out.element("td", RankingText.metric(m.metric()), "title", m.metric().definition());
                    out.element("td", m.best().contender() + " " + RankingText.value(m.metric(), m.best().median()),
                            "class", "best", "data-contender", m.best().contender());
                    m.runnerUp().ifPresentOrElse(
                            ru -> out.element("td", ru.contender() + " " + RankingText.value(m.metric(), ru.median()),
                                    "data-contender", ru.contender()),
                            () -> out.element("td", "the only one measured", "class", "muted"));
                    double lead = m.lead();
                    out.element("td", Double.isNaN(lead) ? NumberText.ABSENT : NumberText.ratio(lead) + " better",
                            "class", "num ratio");
                    out.close("tr");
                }
            }
            out.close("tbody").close("table").close("div");
        }
        if (!p.notRun().isEmpty()) {
            out.open("p", "class", "not-run");
            out.element("strong", "Did not run at " + p.precision() + ": ");
            for (int n = 0; n < p.notRun().size(); n++) {
                NotRun entry = p.notRun().get(n);
                if (n > 0) {
                    out.text("; ");
                }
                out.element("span", RankingText.notRun(entry, p.groups().size()),
                        "class", StatusStyle.cssClass(entry.status()), "title", entry.fullReason());
            }
            out.close("p");
        }
    }
}
