package dev.aipcbench.reports.html.markup;

import java.util.Base64;

/** Embeds an image in the page itself, so report.html is one file that opens offline anywhere. */
public final class DataUri {
    private DataUri() {
    }

    public static String png(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
