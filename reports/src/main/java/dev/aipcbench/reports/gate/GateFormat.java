package dev.aipcbench.reports.gate;

import java.util.Locale;

/** How the gate prints numbers, the same in gate.md and gate.xml. */
final class GateFormat {
    static final String NONE = "–";

    private GateFormat() {
    }

    /** A median with about four significant digits and its unit. */
    static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        double a = Math.abs(v);
        String n = a >= 1000 ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 100 ? String.format(Locale.ROOT, "%.1f", v)
                : a >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3g", v);
        return unit == null || unit.isEmpty() ? n : n + " " + unit;
    }

    /** {@code 1.103 (+10.3%)}. */
    static String ratio(double r) {
        if (Double.isNaN(r)) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.3f (%+.1f%%)", r, (r - 1) * 100);
    }

    /** {@code ±8.1%}, the noise floor. */
    static String percent(double pct) {
        return Double.isNaN(pct) ? NONE : String.format(Locale.ROOT, "±%.1f%%", pct);
    }

    /** {@code [1.081, 1.121]}. */
    static String interval(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return NONE;
        }
        return "[" + bound(lo) + ", " + bound(hi) + "]";
    }

    /** {@code 95%}. */
    static String confidence(double c) {
        return GatePercent.format(Math.round(c * 1000) / 10.0);
    }

    /** Text on one line without control characters (a crashed fork's stderr can hold any byte). */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceAll("\\p{Cntrl}", "");
    }

    private static String bound(double b) {
        return Double.isInfinite(b) ? (b > 0 ? "∞" : "-∞") : String.format(Locale.ROOT, "%.3f", b);
    }
}
