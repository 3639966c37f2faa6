package dev.aipcbench.harness.telemetry.linux;

import java.util.Locale;

/** Whether an {@code os.name} is Linux, the only OS whose sysfs the Linux sources read. */
final class LinuxPlatform {
    static final String NOT_LINUX = "not Linux";

    private LinuxPlatform() {
    }

    static boolean is(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }
}
