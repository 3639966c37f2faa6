package dev.aipcbench.reports.html.section;

import dev.aipcbench.reports.html.markup.HtmlWriter;

/** One section of report.html: its anchor, its heading, and what it writes under the heading. */
public interface ReportSection {
    String id();

    String title();

    /** Whether the section has anything to say for these results (the page leaves empty ones out). */
    default boolean present() {
        return true;
    }

    void write(HtmlWriter out);
}
