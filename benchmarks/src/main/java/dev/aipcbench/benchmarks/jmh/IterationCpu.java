package dev.aipcbench.benchmarks.jmh;

import com.sun.jna.Platform;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import oshi.software.os.linux.LinuxOperatingSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who used the CPU while one iteration ran: this fork (its own user + system time, all threads), every
 * other process (the machine's busy time minus the fork's), and the hypervisor (steal time): the evidence
 * that a fork was disturbed, which the host reads to mark and rerun it. Read from the OS's own counters
 * (OSHI: /proc on Linux, the performance counters on Windows) between iterations, never inside one.
 */
final class IterationCpu {
    static {
        // OSHI caches its readings of /proc/stat for 300 ms by default: two readings around a shorter window
        // would be the same and the window read as empty. The fork reads these counters only here.
        oshi.util.GlobalConfig.set("oshi.util.memoizer.expiration", 0);
    }

    private static final SystemInfo SYSTEM = new SystemInfo();
    private static final CentralProcessor CPU = SYSTEM.getHardware().getProcessor();
    private static final OperatingSystem OS = SYSTEM.getOperatingSystem();
    private static final int PID = OS.getProcessId();
    private static final int CORES = CPU.getLogicalProcessorCount();

    /**
     * The OS counts CPU time in ticks (10 ms on Linux): a window much shorter than a few ticks reads as 0 or
     * 200 % at random, so an iteration shorter than this is carried into the next one of its kind and the
     * reading goes with the iteration that closes the window.
     */
    static final double MIN_WINDOW_MS = 50;

    private long wallNanos;
    private long processMillis;
    private long[] ticks;
    private boolean open;
    private boolean openWarmup;

    /** Marks the iteration's start, unless a window of the same kind (warm-up or measured) is still open. */
    void begin(boolean warmup) {
        if (open && openWarmup == warmup) {
            return;
        }
        wallNanos = System.nanoTime();
        processMillis = processCpuMillis();
        ticks = CPU.getSystemCpuLoadTicks();
        open = true;
        openWarmup = warmup;
    }

    /**
     * What the window since {@link #begin} used; null when the counters could not be read, or when the window
     * is still too short to read (it then stays open) unless it is the last iteration of its kind.
     */
    ForkRecord.Cpu end(boolean last) {
        if (ticks == null) {
            return null;
        }
        double wallMs = (System.nanoTime() - wallNanos) / 1e6;
        if (wallMs < MIN_WINDOW_MS && !last) {
            return null;
        }
        long process = processCpuMillis();
        long[] now = CPU.getSystemCpuLoadTicks();
        long total = 0;
        for (int i = 0; i < now.length; i++) {
            total += now[i] - ticks[i];
        }
        if (total <= 0 || process < 0 || processMillis < 0) {
            return null;
        }
        open = false;
        long idle = delta(now, CentralProcessor.TickType.IDLE) + delta(now, CentralProcessor.TickType.IOWAIT);
        long steal = delta(now, CentralProcessor.TickType.STEAL);
        double busyCores = (double) (total - idle - steal) / total * CORES;
        // never below zero (a counter read a tick apart)
        double forkCores = Math.max(0, (process - processMillis) / wallMs);
        return new ForkRecord.Cpu(round(forkCores), round(Math.max(0, busyCores - forkCores)), round(100.0 * steal / total), CORES);
    }

    private long delta(long[] now, CentralProcessor.TickType t) {
        return now[t.getIndex()] - ticks[t.getIndex()];
    }

    /**
     * CPU time of the fork and every process it started: runtimes that infer in a driver process (OpenVINO
     * GenAI's and the NPU library's Python drivers) do the cell's work there, which is the fork's own work, not
     * another process disturbing it (counted as "other", every such fork read as disturbed at 0 cores of its own).
     */
    private static long processCpuMillis() {
        OSProcess p = OS.getProcess(PID);
        if (p == null) {
            return -1;
        }
        long millis = p.getUserTime() + p.getKernelTime() + reapedChildrenMillis();
        for (ProcessHandle child : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
            OSProcess c = OS.getProcess((int) child.pid());
            if (c != null) {
                millis += c.getUserTime() + c.getKernelTime();
            }
        }
        return millis;
    }

    /**
     * CPU time of the fork's children that already ended and were waited for (Linux's cutime + cstime of the fork,
     * /proc/self/stat fields 16 and 17): a driver started and ended within one window (a load shot opens and
     * closes OpenVINO GenAI's Python driver) is no longer among the descendants when the window closes, and its
     * work would otherwise be read as another process's. 0 where the OS keeps no such count.
     */
    private static long reapedChildrenMillis() {
        if (!Platform.isLinux()) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis (field 3 on)
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
            return ticks * 1000 / LinuxOperatingSystem.getHz();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
