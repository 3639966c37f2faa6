package dev.aipcbench.harness.model;

/** Receives progress of a long job in bytes (or any unit) done out of a total. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    void update(long done, long total);
}
