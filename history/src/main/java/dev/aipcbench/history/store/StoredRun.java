package dev.aipcbench.history.store;

/**
 * A run as the store lists it.
 *
 * @param cells   cells stored
 * @param okCells of them, those that ended ok
 */
public record StoredRun(String runKey, String runId, String fingerprint, String hostname, String started, String finished,
                        boolean complete, String suiteVersion, String profileName, int plannedCells, int cells, int okCells) {
}
