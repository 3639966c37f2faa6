package dev.aipcbench.reports.table;

/**
 * Text from results made safe for a Markdown table cell: Markdown's punctuation is backslash-escaped,
 * {@code <}, {@code >} and {@code &} become entities (CI job summaries render inline HTML), and line
 * breaks become spaces so a reason or a model name cannot break the table.
 */
public final class MarkdownText {
    private MarkdownText() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
                    sb.append('\\').append(c);
                    break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '\r': case '\n': case '\t': sb.append(' '); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The first line of {@code s}, cut to {@code max} characters with an ellipsis, then escaped. */
    public static String firstLine(String s, int max) {
        if (s == null) {
            return "";
        }
        String line = s.strip();
        int nl = line.indexOf('\n');
        if (nl >= 0) {
            line = line.substring(0, nl).strip();
        }
        if (line.length() > max) {
            line = line.substring(0, max - 1) + "\u2026";
        }
        return escape(line);
    }
}
