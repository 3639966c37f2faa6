package dev.aipcbench.harness.telemetry.windows;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instance of the {@code GPU Engine} counter set:
 * {@code pid_1234_luid_0x00000000_0x0000C3F1_phys_0_eng_0_engtype_Compute} is engine 0 (type Compute)
 * of physical adapter 0 of the adapter whose LUID is 0x00000000_0x0000C3F1, as used by process 1234.
 * NPUs show up as adapters whose engines are all of type Compute. The same LUID appears in the
 * {@code GPU Adapter Memory} ({@code luid_..._phys_0}) and {@code GPU Process Memory}
 * ({@code pid_1234_luid_..._phys_0}) instances, which {@link #luidOf} and {@link #pidOf} read.
 *
 * @param luid       {@code 0x00000000_0x0000C3F1}, as printed
 * @param engineType {@code 3D}, {@code Compute}, {@code Copy}, {@code VideoDecode}, ...; empty where the driver names none
 */
public record GpuEngineInstanceName(long pid, String luid, int phys, int engine, String engineType) {
    private static final Pattern ENGINE = Pattern.compile(
            "pid_(\\d+)_luid_(0x[0-9A-Fa-f]+_0x[0-9A-Fa-f]+)_phys_(\\d+)_eng_(\\d+)_engtype_(.*)");
    private static final Pattern LUID = Pattern.compile("(?:^|_)luid_(0x[0-9A-Fa-f]+)_(0x[0-9A-Fa-f]+)");
    private static final Pattern PID = Pattern.compile("^pid_(\\d+)_");

    public static Optional<GpuEngineInstanceName> parse(String instance) {
        Matcher m = ENGINE.matcher(instance);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new GpuEngineInstanceName(Long.parseLong(m.group(1)), m.group(2),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), m.group(5)));
    }

    /** The adapter LUID in any GPU counter instance name ({@code 0x00000000_0x0000C3F1}), or null. */
    public static String luidOf(String instance) {
        Matcher m = LUID.matcher(instance);
        return m.find() ? m.group(1) + "_" + m.group(2) : null;
    }

    /** The process id a GPU counter instance name starts with, or -1 for an adapter-wide instance. */
    public static long pidOf(String instance) {
        Matcher m = PID.matcher(instance);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * A short, stable adapter label for signal names: the LUID's low part ({@code 0000c3f1}), with the
     * high part in front where it is not zero.
     */
    public static String adapterLabel(String luid) {
        String[] parts = luid.toLowerCase(Locale.ROOT).split("_");
        String low = parts[parts.length - 1].replace("0x", "");
        String high = parts.length > 1 ? parts[0].replace("0x", "") : "0";
        return high.replaceAll("^0+", "").isEmpty() ? low : high + "_" + low;
    }

    /** The engine type as a signal name part: {@code 3d}, {@code compute}, {@code videodecode}; {@code other} if unnamed. */
    public String engineTypeLabel() {
        String t = engineType.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return t.isEmpty() ? "other" : t;
    }

    /** Whether this is a compute engine (the only kind an NPU has). */
    public boolean isCompute() {
        return engineType.toLowerCase(Locale.ROOT).startsWith("compute");
    }
}
