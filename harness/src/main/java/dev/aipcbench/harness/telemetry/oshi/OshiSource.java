package dev.aipcbench.harness.telemetry.oshi;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.PolledSource;
import dev.aipcbench.harness.telemetry.SampleSink;
import dev.aipcbench.harness.telemetry.linux.ProcfsCounters;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import oshi.software.os.linux.LinuxOperatingSystem;
import oshi.util.GlobalConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU load (total and per logical processor), CPU frequency, system memory in use, CPU temperature
 * and the followed process's resident memory and CPU time, through OSHI on any OS.
 * <p>
 * Signals: {@code cpu_load_pct}, {@code cpu<i>_load_pct}, {@code cpu_freq_mhz} (mean over logical
 * processors), {@code mem_used_mb}, {@code cpu_temp_c}, {@code fork_rss_mb} (its peak is the fork's
 * peak RSS), {@code fork_cpu_pct} (100 = one logical processor busy). MB here is 2^20 bytes.
 * <p>
 * On Linux, CPU load, memory in use and the followed process's RSS and CPU time, read every 100 ms,
 * come from the same /proc files OSHI reads, but through descriptors kept open
 * ({@link ProcfsCounters}): OSHI's reopen-and-parse cost the benchmark measurable time. Frequency and
 * temperature still come from OSHI, on the slow schedule.
 * <p>
 * OSHI caches what it reads for {@code oshi.util.memoizer.expiration} (300 ms by default), longer
 * than the 100 ms this source reads at. The source lowers it to half its interval before it creates its
 * OSHI objects (OSHI fixes the expiration of an object when it creates it, from a setting it re-reads
 * once a minute); where OSHI still hands back a cached reading, the load of that interval is left out
 * rather than reported as zero.
 * <p>
 * OSHI 6.9.1 offers no GPU load: its {@code GraphicsCard} holds only name, device id, vendor,
 * version and VRAM size, so GPU telemetry comes from the platform sources.
 */
public final class OshiSource implements PolledSource {
    public static final String ID = "oshi";
    private static final double MB = 1024.0 * 1024.0;
    private static final String MEMOIZER_EXPIRATION = "oshi.util.memoizer.expiration";

    private final long intervalMs;
    private final long temperatureIntervalNanos;
    private HardwareAbstractionLayer hardware;
    private OperatingSystem os;
    private String[] coreSignals;

    private long[] previousTicks;
    private long[][] previousCoreTicks;
    private volatile long followedPid;
    private OSProcess process;
    private long processPid;
    private long previousProcessCpuMs = -1;
    private long previousProcessNanos;
    private long nextTemperatureNanos;
    private boolean temperatureDue;
    /** On Linux the 100 ms signals come from /proc through kept-open descriptors (see ProcfsCounters). */
    private ProcfsCounters procfs;
    private long[][] procTicks;
    private long[][] previousProcTicks;
    private final long[] procProcess = new long[2];
    private boolean procPrimed;

    /**
     * @param intervalMs            how often CPU and memory are read
     * @param temperatureIntervalMs how often the temperature and the frequency are read: slower, because
     *                              on Windows OSHI reads the temperature through WMI (tens of
     *                              milliseconds) and on Linux without cpufreq the frequency from
     *                              /proc/cpuinfo
     */
    public OshiSource(long intervalMs, long temperatureIntervalMs) {
        this.intervalMs = intervalMs;
        this.temperatureIntervalNanos = temperatureIntervalMs * 1_000_000L;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public long intervalMs() {
        return intervalMs;
    }

    @Override
    public synchronized Availability probe() {
        if (hardware != null) {
            return Availability.ok();
        }
        try {
            long expirationMs = Math.max(1, intervalMs / 2);
            if (GlobalConfig.get(MEMOIZER_EXPIRATION, 300) > expirationMs) {
                GlobalConfig.set(MEMOIZER_EXPIRATION, expirationMs);
            }
            // Created once and kept: OSHI caches what it learnt about the machine in these objects.
            SystemInfo info = new SystemInfo();
            hardware = info.getHardware();
            os = info.getOperatingSystem();
            int cores = hardware.getProcessor().getLogicalProcessorCount();
            coreSignals = new String[cores];
            for (int i = 0; i < cores; i++) {
                coreSignals[i] = "cpu" + i + "_load_pct";
            }
            procfs = linuxProcfs(cores);
            return Availability.ok();
        } catch (UnsupportedOperationException | LinkageError e) {
            hardware = null;
            return Availability.unavailable("OSHI does not support this platform: " + e.getMessage());
        }
    }

    private ProcfsCounters linuxProcfs(int cores) {
        Path proc = Path.of("/proc");
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                || !Files.isReadable(proc.resolve("stat")) || !Files.isReadable(proc.resolve("meminfo"))) {
            return null;
        }
        try {
            procTicks = new long[cores + 1][ProcfsCounters.TICK_TYPES];
            previousProcTicks = new long[cores + 1][ProcfsCounters.TICK_TYPES];
            return new ProcfsCounters(proc);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void begin() {
        previousTicks = null;
        procPrimed = false;
        previousCoreTicks = null;
        followedPid = 0;
        process = null;
        processPid = 0;
        previousProcessCpuMs = -1;
        temperatureDue = true;
    }

    @Override
    public void follow(long pid) {
        followedPid = pid;
    }

    @Override
    public void sample(long tNanos, SampleSink sink) {
        CentralProcessor cpu = hardware.getProcessor();
        if (procfs == null || !sampleProcfs(tNanos, sink)) {
            sampleLoad(cpu, tNanos, sink);
            GlobalMemory memory = hardware.getMemory();
            sink.gauge(tNanos, "mem_used_mb", "MB", (memory.getTotal() - memory.getAvailable()) / MB);
            sampleProcess(tNanos, sink);
        }
        if (temperatureDue || tNanos - nextTemperatureNanos >= 0) {
            temperatureDue = false;
            nextTemperatureNanos = tNanos + temperatureIntervalNanos;
            // Frequency rides the slow schedule too: without cpufreq (VMs, some laptops) OSHI parses
            // /proc/cpuinfo for it, 0.36 ms of CPU a read, half of a whole sample's cost; at 100 ms that
            // alone took 0.4 % of a core from the benchmark it watches.
            sampleFrequency(cpu, tNanos, sink);
            double celsius = hardware.getSensors().getCpuTemperature();
            if (celsius > 0 && Double.isFinite(celsius)) { // OSHI says 0 when it found no sensor
                sink.gauge(tNanos, "cpu_temp_c", "C", celsius);
            }
        }
    }

    /** The fast signals from /proc; false (and OSHI takes over for good) if /proc stops answering. */
    private boolean sampleProcfs(long tNanos, SampleSink sink) {
        try {
            int cores = procfs.cpuTicks(procTicks);
            if (procPrimed) {
                sink.gauge(tNanos, "cpu_load_pct", "%", 100 * busy(previousProcTicks[0], procTicks[0]));
                for (int i = 0; i < cores && i < coreSignals.length; i++) {
                    sink.gauge(tNanos, coreSignals[i], "%", 100 * busy(previousProcTicks[i + 1], procTicks[i + 1]));
                }
            }
            for (int i = 0; i < procTicks.length; i++) {
                System.arraycopy(procTicks[i], 0, previousProcTicks[i], 0, ProcfsCounters.TICK_TYPES);
            }
            procPrimed = true;
            long used = procfs.memoryUsedBytes();
            if (used >= 0) {
                sink.gauge(tNanos, "mem_used_mb", "MB", used / MB);
            }
            long pid = followedPid;
            if (pid > 0 && procfs.process(pid, procProcess)) {
                sink.gauge(tNanos, "fork_rss_mb", "MB", procProcess[0] * LinuxOperatingSystem.getPageSize() / MB);
                long cpuMs = procProcess[1] * 1000 / LinuxOperatingSystem.getHz();
                if (processPid == pid && previousProcessCpuMs >= 0 && tNanos > previousProcessNanos) {
                    sink.gauge(tNanos, "fork_cpu_pct", "%", 100.0 * (cpuMs - previousProcessCpuMs) * 1e6 / (tNanos - previousProcessNanos));
                }
                processPid = pid;
                previousProcessCpuMs = cpuMs;
                previousProcessNanos = tNanos;
            }
            return true;
        } catch (IOException e) {
            procfs.close();
            procfs = null;
            return false;
        }
    }

    /** Busy share of the ticks between two readings: everything but idle and iowait. */
    private static double busy(long[] before, long[] after) {
        long total = 0;
        long idle = 0;
        for (int t = 0; t < ProcfsCounters.TICK_TYPES; t++) {
            long d = after[t] - before[t];
            total += d;
            if (t == 3 || t == 4) {
                idle += d;
            }
        }
        return total <= 0 ? 0 : (double) (total - idle) / total;
    }

    private void sampleLoad(CentralProcessor cpu, long tNanos, SampleSink sink) {
        // One read of /proc/stat (or its equivalent) per sample: the machine's ticks are the sum of the
        // processors' ticks, so OSHI's separate system-ticks read (another parse of the file) is saved.
        long[][] coreTicks = cpu.getProcessorCpuLoadTicks();
        long[] ticks = new long[CentralProcessor.TickType.values().length];
        for (long[] core : coreTicks) {
            for (int t = 0; t < ticks.length && t < core.length; t++) {
                ticks[t] += core[t];
            }
        }
        if (previousTicks != null && Arrays.equals(ticks, previousTicks)) {
            return; // OSHI's cached reading (or no tick elapsed): no interval to measure yet
        }
        if (previousTicks != null) {
            sink.gauge(tNanos, "cpu_load_pct", "%", 100 * cpu.getSystemCpuLoadBetweenTicks(previousTicks, ticks));
            double[] perCore = cpu.getProcessorCpuLoadBetweenTicks(previousCoreTicks, coreTicks);
            for (int i = 0; i < perCore.length && i < coreSignals.length; i++) {
                sink.gauge(tNanos, coreSignals[i], "%", 100 * perCore[i]);
            }
        }
        previousTicks = ticks;
        previousCoreTicks = coreTicks;
    }

    private static void sampleFrequency(CentralProcessor cpu, long tNanos, SampleSink sink) {
        long sum = 0;
        int n = 0;
        for (long hz : cpu.getCurrentFreq()) {
            if (hz > 0) { // OSHI gives -1 (or 0) where the OS does not tell
                sum += hz;
                n++;
            }
        }
        if (n > 0) {
            sink.gauge(tNanos, "cpu_freq_mhz", "MHz", sum / (double) n / 1e6);
        }
    }

    private void sampleProcess(long tNanos, SampleSink sink) {
        long pid = followedPid;
        if (pid <= 0) {
            process = null;
            processPid = 0;
            return;
        }
        if (processPid != pid) {
            processPid = pid;
            previousProcessCpuMs = -1;
            process = os.getProcess((int) pid); // kept and refreshed in place: no new object per reading
        } else if (process != null && !process.updateAttributes()) {
            process = null; // the process ended; looked up again only when another one is followed
        }
        if (process == null) {
            return;
        }
        sink.gauge(tNanos, "fork_rss_mb", "MB", process.getResidentSetSize() / MB);
        long cpuMs = process.getKernelTime() + process.getUserTime();
        if (previousProcessCpuMs >= 0 && tNanos > previousProcessNanos) {
            sink.gauge(tNanos, "fork_cpu_pct", "%", 100.0 * (cpuMs - previousProcessCpuMs) * 1e6 / (tNanos - previousProcessNanos));
        }
        previousProcessCpuMs = cpuMs;
        previousProcessNanos = tNanos;
    }
}
