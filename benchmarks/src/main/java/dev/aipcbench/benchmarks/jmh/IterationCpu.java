package dev.aipcbench.benchmarks.jmh;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Who used the CPU while one iteration ran: this fork (its own user + system time, all threads), every
 * other process (the machine's busy time minus the fork's), and the hypervisor (steal time): the evidence
 * that a fork was disturbed, which the host reads to mark and rerun it. Read from the OS's own counters
 * (OSHI: /proc on Linux, the performance counters on Windows) between iterations, never inside one.
 */
final class IterationCpu {
    private static final SystemInfo SYSTEM = new SystemInfo();
    private static final CentralProcessor CPU = SYSTEM.getHardware().getProcessor();
    private static final OperatingSystem OS = SYSTEM.getOperatingSystem();
    private static final int PID = OS.getProcessId();
    private static final int CORES = CPU.getLogicalProcessorCount();

    private long wallNanos;
    private long processMillis;
    private long[] ticks;

    /** Marks the iteration's start. */
    void begin() {
        wallNanos = System.nanoTime();
        processMillis = processCpuMillis();
        ticks = CPU.getSystemCpuLoadTicks();
    }

    /** What the iteration since {@link #begin()} used; null when the counters could not be read. */
    ForkRecord.Cpu end() {
        if (ticks == null) {
            return null;
        }
        double wallMs = (System.nanoTime() - wallNanos) / 1e6;
        long process = processCpuMillis();
        long[] now = CPU.getSystemCpuLoadTicks();
        long total = 0;
        for (int i = 0; i < now.length; i++) {
            total += now[i] - ticks[i];
        }
        if (wallMs <= 0 || total <= 0 || process < 0 || processMillis < 0) {
            return null;
        }
        long idle = delta(now, CentralProcessor.TickType.IDLE) + delta(now, CentralProcessor.TickType.IOWAIT);
        long steal = delta(now, CentralProcessor.TickType.STEAL);
        double busyCores = (double) (total - idle - steal) / total * CORES;
        double forkCores = (process - processMillis) / wallMs;
        return new ForkRecord.Cpu(round(forkCores), round(Math.max(0, busyCores - forkCores)), round(100.0 * steal / total), CORES);
    }

    private long delta(long[] now, CentralProcessor.TickType t) {
        return now[t.getIndex()] - ticks[t.getIndex()];
    }

    private static long processCpuMillis() {
        OSProcess p = OS.getProcess(PID);
        return p == null ? -1 : p.getUserTime() + p.getKernelTime();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
