package dev.aipcbench.reports.html.markup;

import java.util.regex.Pattern;

/**
 * Writes HTML where every piece of text and every attribute value goes through {@link HtmlEscaper}:
 * sections cannot forget to escape, because there is no public way to write unescaped text. Tag and
 * attribute names come from code and are checked to be plain names.
 */
public final class HtmlWriter {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final StringBuilder out = new StringBuilder(1 << 16);

    /** Opens {@code tag} with attributes given as name, value pairs; a null value leaves its attribute out. */
    public HtmlWriter open(String tag, String... attributes) {
        out.append('<').append(name(tag));
        attributes(attributes);
        out.append('>');
        return this;
    }

    public HtmlWriter close(String tag) {
        out.append("</").append(name(tag)).append('>');
        if (tag.equals("section") || tag.equals("table") || tag.equals("tr") || tag.equals("p") || tag.equals("figure")
                || tag.equals("ul") || tag.equals("li") || tag.equals("div") || tag.startsWith("h")) {
            out.append('\n');
        }
        return this;
    }

    /** An element holding only text. */
    public HtmlWriter element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** An element without content or end tag, such as {@code img} or {@code meta}. */
    public HtmlWriter empty(String tag, String... attributes) {
        out.append('<').append(name(tag));
        attributes(attributes);
        out.append('>');
        return this;
    }

    public HtmlWriter text(String text) {
        out.append(HtmlEscaper.escape(text));
        return this;
    }

    /** Markup written as is: only for the page's own constants (doctype, the inline style and script), never for data. */
    public HtmlWriter trusted(String markup) {
        out.append(markup);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(name(attributes[i])).append("=\"").append(HtmlEscaper.escape(attributes[i + 1]))
                        .append('"');
            }
        }
    }

    private static String name(String n) {
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("not a plain tag or attribute name: " + n);
        }
        return n;
    }
}
