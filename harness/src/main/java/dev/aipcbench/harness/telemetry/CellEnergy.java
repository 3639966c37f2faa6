package dev.aipcbench.harness.telemetry;

import dev.aipcbench.results.TelemetryResult;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The energy a cell used, from its telemetry: the most inclusive counter of each kind, so nothing is
 * counted twice. RAPL: the platform zone ({@code psys}) where the CPU has one, else its packages (the
 * core and uncore zones lie inside them). Windows Energy Meter: the package rails ({@code PKG}) where
 * named, else every meter. Discrete GPUs (NVIDIA, AMD): each card's own energy. The window is the
 * whole cell (every fork, warm-up and model loads included), so the energy per token is what a token
 * cost in this cell, overheads included, not the marginal energy of one decode step.
 */
public final class CellEnergy {
    private CellEnergy() {
    }

    /** Joules of the cell, or empty when no source counted energy. */
    public static Optional<Double> joules(TelemetryResult telemetry) {
        if (telemetry == null || telemetry.sources() == null) {
            return Optional.empty();
        }
        double total = 0;
        boolean any = false;
        for (TelemetryResult.Source s : telemetry.sources()) {
            if (!"ok".equals(s.status()) || s.signals() == null) {
                continue;
            }
            Double j = sourceJoules(s.source(), s.signals());
            if (j != null) {
                total += j;
                any = true;
            }
        }
        return any ? Optional.of(total) : Optional.empty();
    }

    private static Double sourceJoules(String source, Map<String, TelemetryResult.Signal> signals) {
        switch (source) {
            case "rapl": {
                TelemetryResult.Signal psys = signals.get("psys_energy_j");
                if (psys != null && psys.total() != null) {
                    return psys.total();
                }
                return sum(signals, name -> name.matches("package(_\\d+)?_energy_j"));
            }
            case "windows-pdh": {
                Double packages = sum(signals, name -> name.endsWith("_energy_j") && name.toLowerCase(Locale.ROOT).contains("pkg"));
                return packages != null ? packages : sum(signals, name -> name.endsWith("_energy_j"));
            }
            case "nvidia-smi":
            case "amd-gpu":
                return sum(signals, name -> name.endsWith("_energy_j"));
            default:
                return null;
        }
    }

    private static Double sum(Map<String, TelemetryResult.Signal> signals, java.util.function.Predicate<String> which) {
        double total = 0;
        boolean any = false;
        for (Map.Entry<String, TelemetryResult.Signal> e : signals.entrySet()) {
            if (which.test(e.getKey()) && e.getValue().total() != null) {
                total += e.getValue().total();
                any = true;
            }
        }
        return any ? total : null;
    }
}
