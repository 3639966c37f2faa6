package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.SampleSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How busy one process keeps each GPU engine class, from the DRM client usage stats in
 * {@code /proc/<pid>/fdinfo/<fd>} of its {@code /dev/dri} file descriptors.
 * <p>
 * Signals {@code fork_<class>_busy_pct} (render, copy, video, video_enhance, compute): the process's
 * engine time over the interval, divided by the engines of that class, so 100 means every engine of
 * the class busy with this process. A client that appeared since the previous reading only sets its
 * baseline: its counters may cover time long before this recording.
 * <p>
 * Which descriptors are DRM clients is found from their {@code /proc/<pid>/fd} links once a second,
 * so a process with hundreds of open files costs a few small reads per sample, not hundreds.
 */
public final class FdinfoEngineBusy {
    private static final long RESCAN_NANOS = 1_000_000_000L;
    /** xe names engine classes by hardware ring; i915 names them by use. One set of signal names serves both. */
    private static final Map<String, String> CLASS_NAMES = Map.of(
            "rcs", "render", "bcs", "copy", "vcs", "video", "vecs", "video_enhance", "ccs", "compute",
            "video-enhance", "video_enhance");

    private final SysfsTree sys;
    private final Set<String> drivers;
    private final String pciAddress;
    private final Map<String, String> signalNames = new HashMap<>();

    private volatile long requestedPid;
    private long pid;
    private List<Path> clientFiles = List.of();
    private long nextScanNanos;
    private boolean scanDue;
    private Map<String, DrmClientUsage> previous = Map.of();
    private long previousNanos;

    /**
     * @param drivers    the {@code drm-driver} values to count (i915, xe)
     * @param pciAddress only clients of this device ({@code drm-pdev}); null for any
     */
    public FdinfoEngineBusy(SysfsTree sys, Set<String> drivers, String pciAddress) {
        this.sys = sys;
        this.drivers = Set.copyOf(drivers);
        this.pciAddress = pciAddress;
    }

    /** Follows another process (0: none); its first reading only sets baselines. May be called from any thread. */
    public void follow(long pid) {
        requestedPid = pid;
    }

    /** Reads the followed process's DRM clients and puts each engine class's busy share since the previous reading. */
    public void sample(long tNanos, SampleSink sink) {
        long wanted = requestedPid;
        if (wanted != pid) {
            pid = wanted;
            clientFiles = List.of();
            previous = Map.of();
            scanDue = true;
        }
        if (pid <= 0) {
            return;
        }
        if (scanDue || tNanos - nextScanNanos >= 0) {
            scanDue = false;
            clientFiles = scan();
            nextScanNanos = tNanos + RESCAN_NANOS;
        }
        Map<String, DrmClientUsage> current = read();
        if (!previous.isEmpty() && tNanos > previousNanos) {
            put(current, tNanos, sink);
        }
        previous = current;
        previousNanos = tNanos;
    }

    /** The fdinfo files of the process's descriptors that point at a DRM device node. */
    private List<Path> scan() {
        Path proc = sys.path("/proc/" + pid);
        List<Path> out = new ArrayList<>();
        try {
            for (Path fd : sys.list(proc.resolve("fd"), name -> true)) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("/dev/dri/")) {
                        out.add(proc.resolve("fdinfo").resolve(fd.getFileName().toString()));
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // closed since the listing, or not a link: not a DRM client
                }
            }
        } catch (IOException e) {
            return List.of(); // the process ended, or is not ours to look into
        }
        return out;
    }

    private Map<String, DrmClientUsage> read() {
        Map<String, DrmClientUsage> clients = new HashMap<>();
        for (Path file : clientFiles) {
            DrmClientUsage usage;
            try {
                usage = DrmClientUsage.parse(sys.read(file));
            } catch (IOException e) {
                scanDue = true; // a descriptor closed: look again at the next reading
                continue;
            }
            if (usage.driver() == null || !drivers.contains(usage.driver())
                    || (pciAddress != null && usage.pdev() != null && !pciAddress.equals(usage.pdev()))) {
                continue;
            }
            // duplicated descriptors share one client: count it once
            clients.putIfAbsent(usage.clientId() != null ? usage.clientId() : file.toString(), usage);
        }
        return clients;
    }

    private void put(Map<String, DrmClientUsage> current, long tNanos, SampleSink sink) {
        // class -> {busy ns, cycles, total cycles, capacity, 1 if some client had a previous reading}
        Map<String, double[]> byClass = new TreeMap<>();
        for (Map.Entry<String, DrmClientUsage> e : current.entrySet()) {
            DrmClientUsage now = e.getValue();
            DrmClientUsage before = previous.get(e.getKey());
            for (Map.Entry<String, Long> engine : now.engineNs().entrySet()) {
                double[] acc = byClass.computeIfAbsent(engine.getKey(), k -> new double[5]);
                acc[3] = Math.max(acc[3], now.capacityOf(engine.getKey()));
                if (before != null && before.engineNs().containsKey(engine.getKey())) {
                    acc[0] += Math.max(0, engine.getValue() - before.engineNs().get(engine.getKey()));
                    acc[4] = 1;
                }
            }
            for (Map.Entry<String, Long> engine : now.cycles().entrySet()) {
                String k = engine.getKey();
                double[] acc = byClass.computeIfAbsent(k, x -> new double[5]);
                acc[3] = Math.max(acc[3], now.capacityOf(k));
                if (before != null && before.cycles().containsKey(k) && now.totalCycles().containsKey(k)
                        && before.totalCycles().containsKey(k)) {
                    acc[1] += Math.max(0, engine.getValue() - before.cycles().get(k));
                    // every client on a GPU sees the same cycle clock: take the interval once
                    acc[2] = Math.max(acc[2], now.totalCycles().get(k) - before.totalCycles().get(k));
                    acc[4] = 1;
                }
            }
        }
        double intervalNs = tNanos - previousNanos;
        for (Map.Entry<String, double[]> e : byClass.entrySet()) {
            double[] acc = e.getValue();
            if (acc[4] == 0) {
                continue; // only clients new since the previous reading: nothing measured yet
            }
            double pct = acc[2] > 0
                    ? 100.0 * acc[1] / (acc[2] * acc[3])
                    : 100.0 * acc[0] / (intervalNs * acc[3]);
            sink.gauge(tNanos, signalName(e.getKey()), "%", pct);
        }
    }

    private String signalName(String engineClass) {
        return signalNames.computeIfAbsent(engineClass, c ->
                "fork_" + CLASS_NAMES.getOrDefault(c, c.replaceAll("[^A-Za-z0-9]", "_")) + "_busy_pct");
    }
}
