package dev.aipcbench.harness.telemetry.windows;

/**
 * A PDH counter path as typeperf prints it in its header:
 * {@code \\MACHINE\GPU Engine(pid_1234_luid_0x00000000_0x0000C3F1_phys_0_eng_0_engtype_Compute)\Utilization Percentage}.
 *
 * @param machine  without the leading backslashes; null when the path names none
 * @param object   the counter set ("GPU Engine")
 * @param instance the instance in parentheses; null for a set without instances
 * @param counter  the counter ("Utilization Percentage")
 */
public record CounterPath(String machine, String object, String instance, String counter) {

    /** Parses a counter path; a malformed one gives null. */
    public static CounterPath parse(String path) {
        String p = path.strip();
        String machine = null;
        if (p.startsWith("\\\\")) {
            int end = p.indexOf('\\', 2);
            if (end < 0) {
                return null;
            }
            machine = p.substring(2, end);
            p = p.substring(end);
        }
        int lastSlash = p.lastIndexOf('\\');
        if (!p.startsWith("\\") || lastSlash <= 0) {
            return null;
        }
        String counter = p.substring(lastSlash + 1);
        String set = p.substring(1, lastSlash);
        int open = set.indexOf('(');
        if (open < 0) {
            return new CounterPath(machine, set, null, counter);
        }
        int close = set.lastIndexOf(')');
        if (close < open) {
            return null;
        }
        return new CounterPath(machine, set.substring(0, open), set.substring(open + 1, close), counter);
    }

    /** The path without the machine, as typeperf is asked for it: {@code \Object(instance)\Counter}. */
    public String local() {
        return "\\" + object + (instance == null ? "" : "(" + instance + ")") + "\\" + counter;
    }
}
