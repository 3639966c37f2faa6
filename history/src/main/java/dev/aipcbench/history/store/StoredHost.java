package dev.aipcbench.history.store;

/** A machine as the store lists it: its latest facts, how many runs and when the last one started. */
public record StoredHost(String fingerprint, String hostname, String os, String arch, String cpuModel, int logicalCores,
                         long memoryBytes, int runs, String lastStarted) {
}
