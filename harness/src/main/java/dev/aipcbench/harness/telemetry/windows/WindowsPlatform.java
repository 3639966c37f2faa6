package dev.aipcbench.harness.telemetry.windows;

import java.util.Locale;

/** Whether an {@code os.name} is Windows, the only OS with PDH counters and ETW. */
final class WindowsPlatform {
    static final String NOT_WINDOWS = "not Windows";

    private WindowsPlatform() {
    }

    static boolean is(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
