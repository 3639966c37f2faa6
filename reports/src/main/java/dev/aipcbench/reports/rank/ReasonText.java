package dev.aipcbench.reports.rank;

/**
 * The headline of a skip or failure reason: the suite's reasons open with what is missing and then list
 * what was looked for ("no NPU found: ORT EP devices = [...]; looked for ..."), so the clause before the
 * first colon says it where that clause is a phrase (an exception's class name alone says too little).
 */
public final class ReasonText {
    static final int MAX = 90;

    private ReasonText() {
    }

    public static String headline(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        String line = reason.strip().lines().findFirst().orElse("").strip();
        int colon = line.indexOf(": ");
        if (colon > 0 && line.substring(0, colon).strip().contains(" ")) {
            line = line.substring(0, colon).strip();
        }
        return line.length() > MAX ? line.substring(0, MAX - 1) + "\u2026" : line;
    }
}
