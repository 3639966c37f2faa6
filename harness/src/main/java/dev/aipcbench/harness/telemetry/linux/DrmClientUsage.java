package dev.aipcbench.harness.telemetry.linux;

import java.util.HashMap;
import java.util.Map;

/**
 * One DRM client's usage as the kernel prints it in {@code /proc/<pid>/fdinfo/<fd>} (the "DRM client
 * usage stats" format: {@code key: value [unit]} lines, keys prefixed {@code drm-}). Engine time comes
 * either as nanoseconds busy ({@code drm-engine-<class>: <ns> ns}, i915) or as GPU cycles against the
 * cycles that elapsed ({@code drm-cycles-<class>}, {@code drm-total-cycles-<class>}, xe);
 * {@code drm-engine-capacity-<class>} says how many engines of a class there are.
 *
 * @param driver   {@code drm-driver}, e.g. i915, xe, amdgpu; null if the fd is no DRM client
 * @param pdev     {@code drm-pdev}, the device's PCI address; null if not printed
 * @param clientId {@code drm-client-id}: fds sharing one client print the same id and count once
 */
public record DrmClientUsage(String driver, String pdev, String clientId, Map<String, Long> engineNs,
                             Map<String, Long> cycles, Map<String, Long> totalCycles, Map<String, Long> capacity) {

    /** Reads one fdinfo file's text; lines that are not DRM usage keys are skipped. */
    public static DrmClientUsage parse(String fdinfo) {
        String driver = null;
        String pdev = null;
        String clientId = null;
        Map<String, Long> engineNs = new HashMap<>();
        Map<String, Long> cycles = new HashMap<>();
        Map<String, Long> totalCycles = new HashMap<>();
        Map<String, Long> capacity = new HashMap<>();
        for (String line : fdinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.startsWith("drm-")) {
                continue;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "drm-driver" -> driver = value;
                case "drm-pdev" -> pdev = value;
                case "drm-client-id" -> clientId = value;
                default -> {
                    if (key.startsWith("drm-engine-capacity-")) {
                        putNumber(capacity, key.substring("drm-engine-capacity-".length()), value);
                    } else if (key.startsWith("drm-engine-")) {
                        putNumber(engineNs, key.substring("drm-engine-".length()), value);
                    } else if (key.startsWith("drm-total-cycles-")) {
                        putNumber(totalCycles, key.substring("drm-total-cycles-".length()), value);
                    } else if (key.startsWith("drm-cycles-")) {
                        putNumber(cycles, key.substring("drm-cycles-".length()), value);
                    }
                }
            }
        }
        return new DrmClientUsage(driver, pdev, clientId, engineNs, cycles, totalCycles, capacity);
    }

    private static void putNumber(Map<String, Long> into, String engine, String value) {
        int space = value.indexOf(' ');
        String digits = space < 0 ? value : value.substring(0, space); // drop the unit ("ns")
        try {
            into.put(engine, Long.parseLong(digits));
        } catch (NumberFormatException e) {
            // a key this format does not define as a number: not engine usage
        }
    }

    /** Engines of a class, 1 if the driver does not say. */
    public int capacityOf(String engineClass) {
        return (int) Math.max(1, capacity.getOrDefault(engineClass, 1L));
    }
}
