package dev.aipcbench.benchmarks.matrix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a fork's log: what a failed cell keeps as its stderr tail. */
final class LogTail {
    private LogTail() {
    }

    /**
     * The exception a fork reported, e.g. {@code java.lang.IllegalStateException: ...}: JMH's own
     * message ("Benchmark had encountered error") says only that something failed.
     */
    static String firstException(Path log) {
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String t = line.trim();
                if (t.matches("^[\\w.$]+(Exception|Error)(: .*)?$") && !t.startsWith("at ")) {
                    // "dev.aipcbench...ModelFormatException: msg" -> "ModelFormatException: msg"
                    int colon = t.indexOf(':');
                    String type = colon < 0 ? t : t.substring(0, colon);
                    return type.substring(type.lastIndexOf('.') + 1) + (colon < 0 ? "" : t.substring(colon));
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    static String read(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
