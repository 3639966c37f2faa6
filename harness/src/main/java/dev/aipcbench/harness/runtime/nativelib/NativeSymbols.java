package dev.aipcbench.harness.runtime.nativelib;

import com.sun.jna.NativeLibrary;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;

import java.util.ArrayList;
import java.util.List;

/**
 * Which functions a loaded native library exports, checked once at load time. A JNA interface binds
 * lazily, so a function missing from an older build would otherwise fail only when first called, in the
 * middle of a measurement; checking up front turns that into a clear "skipped" (required functions) or a
 * recorded capability (optional ones).
 */
public final class NativeSymbols {
    private final NativeLibrary library;
    private final String description;

    public NativeSymbols(NativeLibrary library, String description) {
        this.library = library;
        this.description = description;
    }

    /** Whether the library exports {@code function}. */
    public boolean has(String function) {
        try {
            library.getFunction(function);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The first of {@code candidates} the library exports (newest name first), or null. */
    public String firstOf(String... candidates) {
        for (String c : candidates) {
            if (has(c)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Fails unless every function is exported.
     *
     * @param needs what the caller needs, for the message (e.g. "the OgaGenerator_AppendTokens C API")
     * @throws DeviceUnavailableException listing the missing functions
     */
    public void require(String needs, String... functions) {
        List<String> missing = new ArrayList<>();
        for (String f : functions) {
            if (!has(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new DeviceUnavailableException("runtime library incompatible: " + description + " lacks " + missing
                    + " (needs " + needs + ")");
        }
    }
}
