package dev.aipcbench.history.store;

/**
 * What publishing one run did: {@code added} cells new to the store, {@code replaced} cells stored before
 * with other content (a resumed run redid them), {@code unchanged} cells already stored as they are.
 */
public record PublishedRun(RunKey key, boolean newRun, int added, int replaced, int unchanged) {
}
