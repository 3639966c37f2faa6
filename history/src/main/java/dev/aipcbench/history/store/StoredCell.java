package dev.aipcbench.history.store;

/** A cell as the store lists it: how it ended and, for ok cells, the median of its headline metric. */
public record StoredCell(String cellId, String status, String reason, int metrics, int samples) {
}
