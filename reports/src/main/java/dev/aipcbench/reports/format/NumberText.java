package dev.aipcbench.reports.format;

import java.util.Locale;

/**
 * Numbers as the report prints them: about three significant digits (a benchmark's noise makes more
 * digits meaningless), a dot as decimal separator whatever the JVM's locale, and a dash for a value
 * that does not exist (absent is never printed as zero).
 */
public final class NumberText {
    public static final String ABSENT = "\u2013";

    private NumberText() {
    }

    public static String value(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return ABSENT;
        }
        double a = Math.abs(v);
        if (a >= 100 || a == 0) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (a >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** A ratio such as {@code 2.00×}. */
    public static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return ABSENT;
        }
        return String.format(Locale.ROOT, "%.2f\u00d7", r);
    }

    /** A machine-readable number for sorting and CSV: plain decimal, empty when absent. */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return Double.toString(v);
    }

    /** Bytes as GiB/MiB, e.g. {@code 31.3 GiB}. */
    public static String bytes(long b) {
        if (b <= 0) {
            return ABSENT;
        }
        double gib = b / (1024.0 * 1024 * 1024);
        if (gib >= 1) {
            return String.format(Locale.ROOT, "%.1f GiB", gib);
        }
        return String.format(Locale.ROOT, "%.0f MiB", b / (1024.0 * 1024));
    }
}
