package dev.aipcbench.benchmarks.cli;

/**
 * Short forms of the suite's reasons for the console. A skip reason carries its evidence (every place a
 * library was looked for), which results keep whole; a listing shows its first clause and leaves the
 * trail to {@code --verbose}.
 */
final class Reasons {
    private Reasons() {
    }

    /** The reason without its parenthesised "(looked in ...)" trail. */
    static String brief(String reason) {
        if (reason == null) {
            return "";
        }
        int looked = reason.indexOf(" (looked in ");
        if (looked < 0) {
            return reason;
        }
        int close = matchingParenthesis(reason, looked + 1);
        String rest = close < 0 ? "" : reason.substring(close + 1);
        return reason.substring(0, looked) + rest + " (--verbose lists where it looked)";
    }

    private static int matchingParenthesis(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
