package dev.aipcbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The machine a run measured. {@code fingerprint} hashes the hardware and OS facts that decide
 * performance (CPU model and cores, memory size, GPUs and NPUs, OS family, architecture), not the
 * host name, so results of the same hardware compare and results of different hardware are refused
 * by the gate unless asked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostInfo(String fingerprint, String hostname, String os, String osVersion, String arch, Cpu cpu,
                       long memoryBytes, List<Accelerator> accelerators, Jvm jvm) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cpu(String model, String vendor, int physicalCores, int logicalCores, long maxFrequencyHz) {
    }

    /** A GPU or NPU: kind is igpu, dgpu or npu; {@code evidence} says how it was found. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accelerator(String kind, String name, String vendor, Long memoryBytes, String evidence) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Jvm(String version, String vendor, String vm) {
    }
}
