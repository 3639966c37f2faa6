package dev.aipcbench.harness.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of compute device a cell can run on. */
public enum Device {
    CPU("cpu"), IGPU("igpu"), NPU("npu"), DGPU("dgpu");

    private final String id;

    Device(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Parses {@code cpu|igpu|npu|dgpu} or fails naming the accepted values. */
    @JsonCreator
    public static Device parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Device d : values()) {
            if (d.id.equals(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown device '" + text + "': expected one of "
                + Arrays.stream(values()).map(Device::id).collect(Collectors.joining(", ")));
    }
}
