package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.SampleSink;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU package energy through the powercap RAPL zones under {@code /sys/class/powercap/intel-rapl:*}
 * (the same interface serves AMD processors): {@code energy_uj} counters, wrapping at
 * {@code max_energy_range_uj}, named by each zone's {@code name} file.
 * <p>
 * Signals per zone: {@code <zone>_power_w} (energy over the interval) and {@code <zone>_energy_j}
 * (energy per interval, totalled over the cell and per generated token). Zones: {@code package},
 * {@code core}, {@code uncore}, {@code dram}, {@code psys}, as the machine has them.
 * <p>
 * Since Linux 5.10 {@code energy_uj} is readable by root only (a side channel otherwise); a user
 * without the permission gets "permission denied: /sys/class/powercap/intel-rapl:0/energy_uj".
 * The {@code intel-rapl-mmio} zones are left out: they read the same package counter again.
 */
public final class RaplEnergySource extends SysfsPolledSource {
    public static final String ID = "rapl";

    private List<RaplZone> zones = List.of();
    private String[] powerSignals;
    private String[] energySignals;
    private long[] previousUj;
    private long previousNanos;
    private boolean havePrevious;

    public RaplEnergySource(SysfsTree sys, long intervalMs, String osName) {
        super(ID, sys, intervalMs, osName);
    }

    /** The zones found by the last probe. */
    public List<RaplZone> zones() {
        return zones;
    }

    @Override
    protected Availability probeLinux() {
        List<Path> dirs = new ArrayList<>();
        for (Path d : list("/sys/class/powercap", "intel-rapl(:\\d+)+")) {
            if (sys.exists(d.resolve("energy_uj"))) {
                dirs.add(d);
            }
        }
        if (dirs.isEmpty()) {
            return Availability.unavailable("no /sys/class/powercap/intel-rapl* zone");
        }
        long packages = dirs.stream().filter(d -> d.getFileName().toString().split(":").length == 2)
                .filter(d -> nameOf(d).startsWith("package")).count(); // psys is a top-level zone too
        List<RaplZone> found = new ArrayList<>();
        String denied = null;
        String unreadable = null;
        for (Path dir : dirs) {
            Path energy = dir.resolve("energy_uj");
            try {
                sys.readLong(energy);
                found.add(new RaplZone(signalName(dir, packages > 1), energy, sys.readLong(dir.resolve("max_energy_range_uj"))));
            } catch (AccessDeniedException e) {
                denied = denied == null ? sys.show(energy) : denied;
            } catch (IOException e) {
                unreadable = unreadable == null ? sys.show(energy) + ": " + e.getMessage() : unreadable;
            }
        }
        if (found.isEmpty()) {
            return Availability.unavailable(denied != null ? "permission denied: " + denied : "cannot read " + unreadable);
        }
        zones = List.copyOf(found);
        powerSignals = new String[zones.size()];
        energySignals = new String[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            powerSignals[i] = zones.get(i).signal() + "_power_w";
            energySignals[i] = zones.get(i).signal() + "_energy_j";
        }
        previousUj = new long[zones.size()];
        return Availability.ok();
    }

    /** "package-0" is "package" on a one-package machine; a sub-zone takes its package's name where there are several. */
    private String signalName(Path dir, boolean severalPackages) {
        String name = clean(nameOf(dir));
        String[] parts = dir.getFileName().toString().split(":");
        if (parts.length == 2) {
            return name.startsWith("package") && !severalPackages ? "package" : name;
        }
        return severalPackages ? clean(nameOf(dir.resolveSibling(parts[0] + ":" + parts[1]))) + "_" + name : name;
    }

    private String nameOf(Path dir) {
        try {
            return sys.read(dir.resolve("name"));
        } catch (IOException e) {
            return dir.getFileName().toString();
        }
    }

    private static String clean(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    @Override
    public void begin() {
        havePrevious = false;
    }

    @Override
    public void sample(long tNanos, SampleSink sink) throws IOException {
        boolean rates = havePrevious && tNanos > previousNanos;
        havePrevious = false; // until every zone has been read: a half-read sample must not become a baseline
        for (int i = 0; i < zones.size(); i++) {
            RaplZone zone = zones.get(i);
            long uj = sys.readLong(zone.energyFile());
            if (rates) {
                double joules = zone.deltaUj(previousUj[i], uj) / 1e6;
                sink.energy(tNanos, energySignals[i], joules);
                sink.gauge(tNanos, powerSignals[i], "W", joules * 1e9 / (tNanos - previousNanos));
            }
            previousUj[i] = uj;
        }
        previousNanos = tNanos;
        havePrevious = true;
    }
}
