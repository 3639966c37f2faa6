package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtEpDevice;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtHardwareDevice;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chooses ONNX Runtime's execution provider for a device. Plugin EPs registered with the environment
 * (ONNX Runtime's {@code OrtEpDevice} API, how Windows ML and OpenVINO/QNN/VitisAI EP packages appear)
 * are preferred when they offer a hardware device of the right type; then the providers compiled into
 * the loaded library, in the order an AI PC user would want them tried. When none fits, the message
 * lists what ONNX Runtime offered, so a skipped cell says what was looked for.
 */
public final class OrtExecutionProviders {
    private static final int INTEL = 0x8086;

    private OrtExecutionProviders() {
    }

    /**
     * Appends the provider for {@code device} to {@code options} and returns its name. A compile cache
     * goes to the providers that compile (OpenVINO's {@code cache_dir}, so warm loads on an NPU skip
     * compilation); the providers compiled into the library through ORT Java's legacy calls take no
     * options, so there it is the EP package's own default.
     */
    public static String configure(OrtEnvironment env, OrtSession.SessionOptions options, Device device,
                                   Map<String, String> providerOptions, java.nio.file.Path compileCache, int threads) throws OrtException {
        if (compileCache != null && !providerOptions.containsKey("cache_dir")) {
            providerOptions = withDefault(providerOptions, "cache_dir", compileCache.toString());
        }
        return configure(env, options, device, providerOptions, threads);
    }

    /** Appends the provider for {@code device} to {@code options} and returns its name. */
    public static String configure(OrtEnvironment env, OrtSession.SessionOptions options, Device device,
                                   Map<String, String> providerOptions) throws OrtException {
        return configure(env, options, device, providerOptions, 0);
    }

    /**
     * As {@link #configure(OrtEnvironment, OrtSession.SessionOptions, Device, Map)}; {@code provider=OpenVINO}
     * picks the OpenVINO plugin EP ({@link OpenVinoEpPlugin}) on any device, and for a GPU or an NPU the
     * plugin is registered first so its Intel devices are among the EP devices looked at.
     */
    private static String configure(OrtEnvironment env, OrtSession.SessionOptions options, Device device,
                                    Map<String, String> providerOptions, int threads) throws OrtException {
        if (OpenVinoEpPlugin.requested(providerOptions)) {
            return OpenVinoEpPlugin.append(env, options, device, providerOptions, threads);
        }
        if (device != Device.CPU) {
            OpenVinoEpPlugin.register(env);
        }
        EnumSet<OrtProvider> compiledIn = OrtEnvironment.getAvailableProviders();
        List<OrtEpDevice> epDevices = epDevices(env);
        switch (device) {
            case CPU:
                return "CPUExecutionProvider";
            case NPU: {
                String intel = pluginOrOpenVino(options, find(epDevices, OrtHardwareDevice.OrtHardwareDeviceType.NPU, -1),
                        compiledIn, providerOptions, "NPU");
                if (intel != null) {
                    return intel;
                }
                if (compiledIn.contains(OrtProvider.QNN)) {
                    Map<String, String> qnn = new java.util.HashMap<>(withDefault(providerOptions, "backend_path", qnnHtpLibrary()));
                    qnn.remove("cache_dir"); // QNN caches through its own context-binary options
                    options.addQnn(qnn);
                    return "QNNExecutionProvider(HTP)";
                }
                throw unavailable("no NPU found", epDevices, compiledIn,
                        "an NPU OrtEpDevice, OpenVINOExecutionProvider(NPU), QNNExecutionProvider(HTP)");
            }
            case IGPU: {
                String intel = pluginOrOpenVino(options, find(epDevices, OrtHardwareDevice.OrtHardwareDeviceType.GPU, INTEL),
                        compiledIn, providerOptions, "GPU");
                if (intel != null) {
                    return intel;
                }
                if (compiledIn.contains(OrtProvider.DIRECT_ML)) {
                    return appendDirectMl(options, providerOptions, "0");
                }
                throw unavailable("no integrated GPU found", epDevices, compiledIn,
                        "an Intel GPU OrtEpDevice, OpenVINOExecutionProvider(GPU), DmlExecutionProvider");
            }
            case DGPU: {
                if (compiledIn.contains(OrtProvider.CUDA)) {
                    int id = Integer.parseInt(providerOptions.getOrDefault("device_id", "0"));
                    options.addCUDA(id);
                    return "CUDAExecutionProvider(device " + id + ")";
                }
                OrtEpDevice plugin = findDiscreteGpu(epDevices);
                if (plugin != null) {
                    return appendPlugin(options, plugin, providerOptions);
                }
                if (compiledIn.contains(OrtProvider.ROCM)) {
                    options.addROCM();
                    return "ROCMExecutionProvider";
                }
                if (compiledIn.contains(OrtProvider.DIRECT_ML)) {
                    return appendDirectMl(options, providerOptions, "1");
                }
                throw unavailable("no discrete GPU execution provider", epDevices, compiledIn,
                        "CUDAExecutionProvider (the onnxruntime_gpu package), a non-Intel GPU OrtEpDevice, ROCMExecutionProvider, DmlExecutionProvider");
            }
            default:
                throw new IllegalArgumentException("device " + device);
        }
    }

    /**
     * Intel's way first, for an NPU or an integrated GPU: the plugin EP's device where ONNX Runtime lists one,
     * else the OpenVINO EP compiled into the library on {@code openVinoDevice} (provider option
     * {@code device_type} overrides); null when neither is here.
     */
    private static String pluginOrOpenVino(OrtSession.SessionOptions options, OrtEpDevice plugin, EnumSet<OrtProvider> compiledIn,
                                           Map<String, String> providerOptions, String openVinoDevice) throws OrtException {
        if (plugin != null) {
            return appendPlugin(options, plugin, providerOptions);
        }
        if (compiledIn.contains(OrtProvider.OPEN_VINO)) {
            options.addOpenVINO(providerOptions.getOrDefault("device_type", openVinoDevice));
            return "OpenVINOExecutionProvider(" + openVinoDevice + ")";
        }
        return null;
    }

    private static String appendPlugin(OrtSession.SessionOptions options, OrtEpDevice plugin, Map<String, String> providerOptions)
            throws OrtException {
        options.addExecutionProvider(List.of(plugin), forPlugin(plugin, providerOptions));
        return plugin.getEpName();
    }

    /** DirectML on adapter {@code device_id} (provider option), else {@code defaultAdapter}. */
    private static String appendDirectMl(OrtSession.SessionOptions options, Map<String, String> providerOptions, String defaultAdapter)
            throws OrtException {
        int adapter = Integer.parseInt(providerOptions.getOrDefault("device_id", defaultAdapter));
        options.addDirectML(adapter);
        return "DmlExecutionProvider(adapter " + adapter + ")";
    }

    /** One line listing the EP devices ONNX Runtime reports, e.g. {@code [CPUExecutionProvider/CPU]}. */
    public static String describeEpDevices(List<OrtEpDevice> devices) {
        return devices.stream().map(d -> d.getEpName() + "/" + d.getDevice().getType()).collect(Collectors.joining(", ", "[", "]"));
    }

    static List<OrtEpDevice> epDevices(OrtEnvironment env) {
        try {
            return env.getEpDevices();
        } catch (OrtException | UnsatisfiedLinkError e) {
            return new ArrayList<>();
        }
    }

    private static OrtEpDevice find(List<OrtEpDevice> devices, OrtHardwareDevice.OrtHardwareDeviceType type, int vendor) {
        for (OrtEpDevice d : devices) {
            if (d.getDevice().getType() == type && !d.getEpName().equals("CPUExecutionProvider")
                    && (vendor < 0 || d.getDevice().getVendorId() == vendor)) {
                return d;
            }
        }
        return null;
    }

    private static OrtEpDevice findDiscreteGpu(List<OrtEpDevice> devices) {
        for (OrtEpDevice d : devices) {
            if (d.getDevice().getType() == OrtHardwareDevice.OrtHardwareDeviceType.GPU && d.getDevice().getVendorId() != INTEL) {
                return d;
            }
        }
        return null;
    }

    /** {@code cache_dir} is OpenVINO's option; other plugin EPs would reject an option they do not know. */
    private static Map<String, String> forPlugin(OrtEpDevice plugin, Map<String, String> providerOptions) {
        if (!providerOptions.containsKey("cache_dir") || plugin.getEpName().contains("OpenVINO")) {
            return providerOptions;
        }
        Map<String, String> m = new java.util.HashMap<>(providerOptions);
        m.remove("cache_dir");
        return m;
    }

    private static Map<String, String> withDefault(Map<String, String> options, String key, String value) {
        if (options.containsKey(key)) {
            return options;
        }
        Map<String, String> m = new java.util.HashMap<>(options);
        m.put(key, value);
        return m;
    }

    private static String qnnHtpLibrary() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win") ? "QnnHtp.dll" : "libQnnHtp.so";
    }

    private static DeviceUnavailableException unavailable(String what, List<OrtEpDevice> devices, EnumSet<OrtProvider> compiledIn,
                                                          String lookedFor) {
        return new DeviceUnavailableException(what + ": ORT EP devices = " + describeEpDevices(devices)
                + ", providers in this ONNX Runtime build = " + compiledIn + "; looked for " + lookedFor + "; "
                + OpenVinoEpPlugin.describe(devices));
    }
}
