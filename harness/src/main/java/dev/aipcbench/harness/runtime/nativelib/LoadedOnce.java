package dev.aipcbench.harness.runtime.nativelib;

import dev.aipcbench.harness.runtime.DeviceUnavailableException;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A native binding loaded on first use and kept for the life of the process (JNA would close a
 * library whose handle is collected, and reopening one loses its process-wide state). A failure is
 * remembered too, so every cell that asks reports the same reason.
 */
public final class LoadedOnce<T> {
    private final Supplier<T> loader;
    private T value;
    private DeviceUnavailableException failure;

    /** @param loader loads the binding; throws {@link DeviceUnavailableException} when the library is absent */
    public LoadedOnce(Supplier<T> loader) {
        this.loader = loader;
    }

    /** The binding, or the remembered reason it could not be loaded. */
    public synchronized T get() {
        if (value == null && failure == null) {
            try {
                value = loader.get();
            } catch (DeviceUnavailableException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new DeviceUnavailableException(failure.getMessage());
        }
        return value;
    }

    /** Whether the binding loads here (the runtime's {@code installed()}). */
    public boolean loads() {
        try {
            get();
            return true;
        } catch (DeviceUnavailableException e) {
            return false;
        }
    }

    /**
     * What {@code describe} says of the binding, or the reason it could not be loaded (or that {@code describe}
     * ran into): a runtime's {@code version()} and {@code location()}, which report rather than throw.
     */
    public String describe(Function<T, String> describe) {
        try {
            return describe.apply(get());
        } catch (DeviceUnavailableException e) {
            return e.getMessage();
        }
    }
}
