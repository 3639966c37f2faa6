package dev.aipcbench.reports.html.section;

import dev.aipcbench.reports.html.markup.HtmlWriter;

import java.util.ArrayList;
import java.util.List;

/** A definition list of facts ({@code dl.facts}): term, then value, skipping facts that are unknown. */
final class FactList {
    private final List<String[]> facts = new ArrayList<>();

    FactList add(String term, Object value) {
        if (value != null && !value.toString().isBlank()) {
            facts.add(new String[] {term, value.toString()});
        }
        return this;
    }

    void write(HtmlWriter out) {
        out.open("dl", "class", "facts");
        for (String[] f : facts) {
            out.element("dt", f[0]).element("dd", f[1]);
        }
        out.close("dl");
    }
}
