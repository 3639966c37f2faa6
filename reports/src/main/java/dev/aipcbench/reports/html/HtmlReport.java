package dev.aipcbench.reports.html;

import dev.aipcbench.reports.html.markup.HtmlWriter;

import dev.aipcbench.reports.chart.RunCharts;
import dev.aipcbench.reports.compare.ComparisonTable;
import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.html.section.AgreementSection;
import dev.aipcbench.reports.html.section.AnatomySection;
import dev.aipcbench.reports.html.section.CellsSection;
import dev.aipcbench.reports.html.section.ChartsSection;
import dev.aipcbench.reports.html.section.ComparisonSection;
import dev.aipcbench.reports.html.section.HostsSection;
import dev.aipcbench.reports.html.section.InterferenceSection;
import dev.aipcbench.reports.html.section.MetricDefinitionsSection;
import dev.aipcbench.reports.html.section.ReportSection;
import dev.aipcbench.reports.html.section.RunSummarySection;
import dev.aipcbench.reports.html.section.SideBySideSection;
import dev.aipcbench.reports.html.section.TelemetrySection;
import dev.aipcbench.reports.html.section.WhichToUseSection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * report.html: one self-contained page. Styles and the sort script are inline, charts are data URIs,
 * and a Content-Security-Policy forbids every fetch, so the page opens offline and shows the same
 * thing anywhere; anything that tried to reach the network would be blocked and reported in the
 * browser's console rather than silently degrade the page.
 */
public final class HtmlReport {
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private HtmlReport() {
    }

    public static String render(List<LoadedRun> runs, List<RunCharts> charts, ComparisonTable comparison) {
        List<ReportSection> sections = List.<ReportSection>of(
                new WhichToUseSection(runs),
                new RunSummarySection(runs, charts),
                new HostsSection(runs),
                new SideBySideSection(runs, SideBySideSection.RUNTIMES),
                new SideBySideSection(runs, SideBySideSection.DEVICES),
                new ComparisonSection(runs, comparison),
                new ChartsSection(runs, charts),
                new CellsSection(runs),
                new AnatomySection(runs),
                new AgreementSection(runs),
                new InterferenceSection(runs),
                new TelemetrySection(runs, charts),
                new MetricDefinitionsSection()).stream().filter(ReportSection::present).toList();
        String subject = runs.stream().map(LoadedRun::label).collect(Collectors.joining(" vs "));

        HtmlWriter out = new HtmlWriter();
        out.trusted("<!DOCTYPE html>\n");
        out.open("html", "lang", "en");
        out.open("head");
        out.empty("meta", "charset", "utf-8");
        out.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        out.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP);
        // An empty icon: browsers otherwise ask for /favicon.ico, which the policy above would refuse.
        out.empty("link", "rel", "icon", "href", "data:,");
        out.element("title", "aipc-bench report: " + subject);
        out.open("style").trusted(ReportStyles.CSS).close("style");
        out.close("head");
        out.open("body");
        out.open("header");
        out.element("h1", "aipc-bench report");
        out.element("p", runs.size() == 1 ? "One run on " + subject + "."
                : runs.size() + " runs: " + subject + ". Ratios compare each with the first.", "class", "muted");
        out.open("nav");
        sections.forEach(s -> out.element("a", s.title(), "href", "#" + s.id()));
        out.close("nav");
        out.close("header");
        for (ReportSection s : sections) {
            out.open("section", "id", s.id());
            out.element("h2", s.title());
            s.write(out);
            out.close("section");
        }
        out.element("footer", "Written by aipc-bench from results.json (schema aipc-bench/results/v1). "
                + "Click a table header to sort by that column.");
        out.open("script").trusted(SortScript.JS).close("script");
        out.close("body");
        out.close("html");
        return out.toString();
    }
}
