package dev.aipcbench.benchmarks.jmh;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.win32.StdCallLibrary;
import oshi.SystemInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Peak resident memory of this process: the kernel's high-water mark where the OS keeps one (Linux
 * {@code VmHWM}, plus its live child processes'; Windows {@code PeakWorkingSetSize}), else the current
 * resident size from OSHI.
 */
final class ProcessPeakMemory {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    private static final Path STATUS = Path.of("/proc/self/status");

    private static long childrenPeakKb;

    private ProcessPeakMemory() {
    }

    static double peakResidentMegabytes() {
        try {
            if (Files.isReadable(STATUS)) {
                long kb = highWaterKilobytes(STATUS);
                if (kb >= 0) {
                    return (kb + noteChildren()) / 1024.0;
                }
            }
            if (WINDOWS) {
                MemoryCounters counters = new MemoryCounters();
                if (WindowsPsapi.INSTANCE.GetProcessMemoryInfo(Kernel32.INSTANCE.GetCurrentProcess(), counters, counters.size())) {
                    return counters.PeakWorkingSetSize.longValue() / (1024.0 * 1024.0);
                }
            }
            return new SystemInfo().getOperatingSystem().getCurrentProcess().getResidentSetSize() / (1024.0 * 1024.0);
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /**
     * Runtimes driven in a child process (the Python drivers of OpenVINO GenAI and the NPU library) hold
     * the model there, so their high-water marks count too. Called before a session closes as well (the
     * last iteration's profiler runs after the trial's teardown), it keeps the largest sum seen, in KiB.
     */
    static synchronized long noteChildren() {
        long kb = 0;
        if (Files.isReadable(STATUS)) {
            for (ProcessHandle child : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
                kb += Math.max(0, highWaterKilobytes(Path.of("/proc", Long.toString(child.pid()), "status")));
            }
        }
        childrenPeakKb = Math.max(childrenPeakKb, kb);
        return childrenPeakKb;
    }

    /** {@code VmHWM} of a /proc status file in KiB, or -1 when it is unreadable (a child that just ended). */
    private static long highWaterKilobytes(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** psapi.dll's GetProcessMemoryInfo, which jna-platform does not bind. */
    interface WindowsPsapi extends StdCallLibrary {
        WindowsPsapi INSTANCE = Native.load("psapi", WindowsPsapi.class);

        boolean GetProcessMemoryInfo(WinNT.HANDLE process, MemoryCounters counters, int size);
    }

    /** PROCESS_MEMORY_COUNTERS. */
    @Structure.FieldOrder({"cb", "PageFaultCount", "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage",
            "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage", "PagefileUsage", "PeakPagefileUsage"})
    public static class MemoryCounters extends Structure {
        public int cb;
        public int PageFaultCount;
        public BaseTSD.SIZE_T PeakWorkingSetSize;
        public BaseTSD.SIZE_T WorkingSetSize;
        public BaseTSD.SIZE_T QuotaPeakPagedPoolUsage;
        public BaseTSD.SIZE_T QuotaPagedPoolUsage;
        public BaseTSD.SIZE_T QuotaPeakNonPagedPoolUsage;
        public BaseTSD.SIZE_T QuotaNonPagedPoolUsage;
        public BaseTSD.SIZE_T PagefileUsage;
        public BaseTSD.SIZE_T PeakPagefileUsage;

        public MemoryCounters() {
            cb = size();
        }
    }
}
