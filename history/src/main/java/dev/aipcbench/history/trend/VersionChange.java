package dev.aipcbench.history.trend;

/**
 * Where a machine's software changed between two consecutive runs: the suite's version, a runtime's version,
 * or a driver or provider the cell's session reported ({@code what}: "onnxruntime", "suite", "session.driver").
 */
public record VersionChange(String host, String runId, String started, String what, String before, String after) {

    public String describe() {
        return what + " " + (before == null ? "(none)" : before) + " -> " + (after == null ? "(none)" : after);
    }
}
