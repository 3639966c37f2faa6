package dev.aipcbench.history.store;

/** A cell as the store lists it: how it ended, and how many metrics and raw samples are stored for it. */
public record StoredCell(String cellId, String status, String reason, int metrics, int samples) {
}
