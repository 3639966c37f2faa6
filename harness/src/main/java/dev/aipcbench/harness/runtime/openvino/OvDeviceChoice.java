package dev.aipcbench.harness.runtime.openvino;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The OpenVINO device name for each of the suite's devices: cpu is {@code CPU}, npu is {@code NPU}, igpu
 * is the GPU whose {@code DEVICE_TYPE} is {@code integrated} and dgpu the one that is {@code discrete}.
 * OpenVINO names GPUs {@code GPU} when there is one and {@code GPU.0}, {@code GPU.1} ... otherwise, the
 * integrated one first; when DEVICE_TYPE cannot be read, igpu is {@code GPU.0} (or {@code GPU}) and
 * dgpu {@code GPU.1}. Without openvino_c nothing can be checked, and these names are used as they are.
 */
public final class OvDeviceChoice {
    private OvDeviceChoice() {
    }

    /**
     * Picks the device from those OpenVINO reports.
     *
     * @param deviceType a GPU's DEVICE_TYPE, when known
     * @throws DeviceUnavailableException naming the devices OpenVINO reported when none fits
     */
    public static String choose(Device device, List<String> available, Function<String, Optional<String>> deviceType) {
        switch (device) {
            case CPU: return require(available.contains("CPU"), "CPU", "no CPU device", available, Map.of());
            case NPU: return require(available.contains("NPU"), "NPU", "no NPU found", available, Map.of());
            case IGPU: return gpu(available, deviceType, "integrated", "no integrated GPU found");
            case DGPU: return gpu(available, deviceType, "discrete", "no discrete GPU found");
            default: throw new IllegalArgumentException("device " + device);
        }
    }

    /** The name used when OpenVINO's devices cannot be queried. */
    public static String unchecked(Device device) {
        switch (device) {
            case CPU: return "CPU";
            case NPU: return "NPU";
            case IGPU: return "GPU.0";
            case DGPU: return "GPU.1";
            default: throw new IllegalArgumentException("device " + device);
        }
    }

    private static String gpu(List<String> available, Function<String, Optional<String>> deviceType, String kind, String missing) {
        List<String> gpus = new ArrayList<>();
        for (String name : available) {
            if (name.equals("GPU") || name.startsWith("GPU.")) {
                gpus.add(name);
            }
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (String gpu : gpus) {
            deviceType.apply(gpu).ifPresent(t -> types.put(gpu, t));
        }
        if (!types.isEmpty()) {
            for (Map.Entry<String, String> e : types.entrySet()) {
                if (e.getValue().equals(kind)) {
                    return e.getKey();
                }
            }
            return require(false, null, missing, available, types);
        }
        String byPosition = kind.equals("integrated") ? (gpus.contains("GPU.0") ? "GPU.0" : "GPU") : "GPU.1";
        return require(gpus.contains(byPosition), byPosition, missing, available, types);
    }

    private static String require(boolean found, String name, String missing, List<String> available, Map<String, String> types) {
        if (found) {
            return name;
        }
        throw new DeviceUnavailableException(missing + ": OpenVINO devices = " + available
                + (types.isEmpty() ? "" : ", DEVICE_TYPE " + types));
    }
}
