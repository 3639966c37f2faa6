package dev.aipcbench.reports.gate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A practical threshold written as a percentage: {@code "5%"}, {@code "5"} and the JSON number {@code 5}
 * all mean five percent. A bare number is never read as a fraction ({@code "0.05"} is 0.05 %), so one
 * spelling cannot mean two things. Must lie in [0, 100): a threshold of 100 % or more would make a
 * throughput regression impossible to reach.
 */
public final class GatePercent {

    private GatePercent() {
    }

    /** Parses {@code text}; {@code field} names the flag or JSON path in the error. */
    public static double parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new GateInputException(field + ": expected a percentage like \"5%\", got nothing");
        }
        String t = text.strip();
        String number = t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t;
        double pct;
        try {
            pct = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new GateInputException(field + ": expected a percentage like \"5%\", got \"" + text + "\"");
        }
        return check(field, pct, text);
    }

    /** Parses a JSON value: a string as in {@link #parse(String, String)} or a number (percent). */
    public static double parse(String field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new GateInputException(field + ": expected a percentage like \"5%\", got nothing");
        }
        if (node.isNumber()) {
            return check(field, node.doubleValue(), node.asText());
        }
        if (node.isTextual()) {
            return parse(field, node.textValue());
        }
        throw new GateInputException(field + ": expected a percentage like \"5%\", got " + node);
    }

    /** Checks a percentage given as a number; {@code field} names the flag or JSON path in the error. */
    public static double of(String field, double pct) {
        return check(field, pct, Double.toString(pct));
    }

    private static double check(String field, double pct, String text) {
        if (!Double.isFinite(pct) || pct < 0 || pct >= 100) {
            throw new GateInputException(field + ": percentage must be at least 0% and below 100%, got \"" + text + "\"");
        }
        return pct;
    }

    /** {@code 5.0} as {@code "5%"}, {@code 2.5} as {@code "2.5%"}. */
    public static String format(double pct) {
        if (pct == Math.rint(pct)) {
            return (long) pct + "%";
        }
        return java.math.BigDecimal.valueOf(pct).stripTrailingZeros().toPlainString() + "%";
    }
}
