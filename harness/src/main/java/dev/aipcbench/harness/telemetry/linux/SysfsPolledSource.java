package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.PolledSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every polled sysfs source shares: its id, interval and tree, the refusal off Linux, and the look-ups
 * of optional driver files. A source states only its own files ({@link #probeLinux}) and readings.
 */
public abstract class SysfsPolledSource implements PolledSource {
    /** Bytes in the MB the memory signals report (2^20). */
    protected static final double MB = 1024.0 * 1024.0;

    protected final SysfsTree sys;
    private final String id;
    private final long intervalMs;
    private final String osName;

    protected SysfsPolledSource(String id, SysfsTree sys, long intervalMs, String osName) {
        this.id = id;
        this.sys = sys;
        this.intervalMs = intervalMs;
        this.osName = osName;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final long intervalMs() {
        return intervalMs;
    }

    @Override
    public final Availability probe() {
        if (!LinuxPlatform.is(osName)) {
            return Availability.unavailable(LinuxPlatform.NOT_LINUX);
        }
        try {
            return probeLinux();
        } catch (UnlistableFolder e) {
            return Availability.unavailable(e.getMessage());
        }
    }

    /** Finds the source's files on a Linux machine; the reason names what was looked for and not found. */
    protected abstract Availability probeLinux();

    /**
     * The entries of {@code folder} (as the kernel names it) whose names match {@code names}, in natural
     * order; a folder that cannot be listed ends the probe as unavailable, "cannot list {@code folder}: why".
     */
    protected final List<Path> list(String folder, String names) {
        try {
            return sys.list(sys.path(folder), name -> name.matches(names));
        } catch (IOException e) {
            throw new UnlistableFolder("cannot list " + folder + ": " + e.getMessage());
        }
    }

    /** The first of {@code candidates} that exists, else null (the driver does not offer that reading). */
    protected final Path firstExisting(Path... candidates) {
        for (Path p : candidates) {
            if (sys.exists(p)) {
                return p;
            }
        }
        return null;
    }

    /** Carries {@link #list}'s failure out of {@link #probeLinux} to {@link #probe}, which reports it. */
    private static final class UnlistableFolder extends RuntimeException {
        UnlistableFolder(String message) {
            super(message, null, false, false);
        }
    }
}
