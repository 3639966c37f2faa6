package dev.aipcbench.reports.html.markup;

/**
 * Escapes text for HTML element content and quoted attribute values: {@code &}, {@code <}, {@code >},
 * {@code "} and {@code '} become character references, so nothing from a results file (a model name,
 * a profile name, an error message) can open a tag, close an attribute or start a script.
 */
public final class HtmlEscaper {
    private HtmlEscaper() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            String ref = reference(s.charAt(i));
            if (ref != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (ref != null) {
                    sb.append(ref);
                } else {
                    sb.append(s.charAt(i));
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String reference(char c) {
        switch (c) {
            case '&': return "&amp;";
            case '<': return "&lt;";
            case '>': return "&gt;";
            case '"': return "&quot;";
            case '\'': return "&#39;";
            default: return null;
        }
    }
}
