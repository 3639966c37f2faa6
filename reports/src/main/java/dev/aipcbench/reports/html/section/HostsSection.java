package dev.aipcbench.reports.html.section;

import dev.aipcbench.results.HostInfo;
import dev.aipcbench.reports.compare.LoadedRun;
import dev.aipcbench.reports.html.markup.HtmlWriter;
import dev.aipcbench.reports.format.NumberText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The machines side by side, one column per results folder, one row per fact; rows where the
 * machines differ are highlighted, since those are the facts a comparison's ratios come from.
 */
public final class HostsSection implements ReportSection {
    private final List<LoadedRun> runs;

    public HostsSection(List<LoadedRun> runs) {
        this.runs = runs;
    }

    @Override
    public String id() {
        return "hosts";
    }

    @Override
    public String title() {
        return runs.size() == 1 ? "Host" : "Hosts side by side";
    }

    @Override
    public void write(HtmlWriter out) {
        out.open("div", "class", "table-scroll").open("table", "id", "hosts");
        out.open("thead").open("tr").element("th", "", "scope", "col");
        runs.forEach(r -> out.element("th", r.label(), "scope", "col"));
        out.close("tr").close("thead").open("tbody");
        row(out, "fingerprint", HostInfo::fingerprint, "fingerprint");
        row(out, "host name", HostInfo::hostname);
        row(out, "OS", h -> join(h.os(), h.osVersion()));
        row(out, "architecture", HostInfo::arch);
        row(out, "CPU", h -> h.cpu() == null ? null : h.cpu().model());
        row(out, "CPU vendor", h -> h.cpu() == null ? null : h.cpu().vendor());
        row(out, "cores (physical / logical)", h -> h.cpu() == null ? null
                : h.cpu().physicalCores() + " / " + h.cpu().logicalCores());
        row(out, "max CPU frequency", h -> h.cpu() == null || h.cpu().maxFrequencyHz() <= 0 ? null
                : String.format(Locale.ROOT, "%.2f GHz", h.cpu().maxFrequencyHz() / 1e9));
        row(out, "memory", h -> h.memoryBytes() > 0 ? NumberText.bytes(h.memoryBytes()) : null);
        row(out, "accelerators", HostsSection::accelerators);
        row(out, "JVM", h -> h.jvm() == null ? null : join(h.jvm().vendor(), h.jvm().version()) + " (" + h.jvm().vm() + ")");
        out.close("tbody").close("table").close("div");
    }

    private void row(HtmlWriter out, String fact, Function<HostInfo, String> value) {
        row(out, fact, value, null);
    }

    private void row(HtmlWriter out, String fact, Function<HostInfo, String> value, String cssClass) {
        List<String> values = new ArrayList<>();
        for (LoadedRun r : runs) {
            String v = r.results().host() == null ? null : value.apply(r.results().host());
            values.add(v == null || v.isBlank() ? NumberText.ABSENT : v);
        }
        boolean differs = values.stream().distinct().count() > 1;
        out.open("tr", "class", differs ? "differs" : null).element("th", fact, "scope", "row");
        values.forEach(v -> out.element("td", v, "class", cssClass));
        out.close("tr");
    }

    private static String accelerators(HostInfo h) {
        if (h.accelerators() == null || h.accelerators().isEmpty()) {
            return "none found";
        }
        return h.accelerators().stream().map(a -> a.kind() + ": " + join(a.vendor(), a.name())
                + (a.memoryBytes() != null ? ", " + NumberText.bytes(a.memoryBytes()) : "")
                + (a.evidence() != null ? " (" + a.evidence() + ")" : "")).collect(Collectors.joining("; "));
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }
}
