package dev.aipcbench.harness.telemetry.linux;

import java.nio.file.Path;

/**
 * One RAPL power zone ({@code /sys/class/powercap/intel-rapl:0}, {@code intel-rapl:0:0}, ...): its
 * cumulative energy counter in microjoules, which wraps to 0 after {@code max_energy_range_uj}.
 *
 * @param signal           the zone's name as signals use it: {@code package}, {@code core}, {@code uncore},
 *                         {@code dram}, {@code psys} ({@code package_1_core} where a machine has several packages)
 * @param energyFile       {@code energy_uj}
 * @param maxEnergyRangeUj {@code max_energy_range_uj}
 */
public record RaplZone(String signal, Path energyFile, long maxEnergyRangeUj) {

    /** Microjoules from one counter reading to the next, across at most one wrap-around. */
    public long deltaUj(long previousUj, long currentUj) {
        if (currentUj >= previousUj) {
            return currentUj - previousUj;
        }
        return maxEnergyRangeUj - previousUj + currentUj;
    }
}
