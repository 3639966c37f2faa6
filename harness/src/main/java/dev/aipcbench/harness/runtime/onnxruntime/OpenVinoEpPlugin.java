package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtEpDevice;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.sun.jna.Platform;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ONNX Runtime's OpenVINO execution provider as a plugin EP library (the {@code onnxruntime-ep-openvino}
 * wheel's {@code libonnxruntime_providers_openvino_plugin.so} / {@code onnxruntime_providers_openvino_plugin.dll},
 * which carries its own OpenVINO beside it), registered once per process with
 * {@link OrtEnvironment#registerExecutionProviderLibrary}: the Maven ONNX Runtime has no OpenVINO built in.
 * The library is {@code -Daipcbench.ort.openvino.plugin=PATH}, else {@code ORT_OPENVINO_EP_PLUGIN}, else the
 * runtime environment's wheel.
 *
 * <p>Registered, the plugin offers one {@link OrtEpDevice} per Intel device OpenVINO can drive (its
 * metadata {@code ov_device} names OpenVINO's device: CPU, GPU.0, NPU ...); it offers none for other
 * vendors' hardware, even a CPU OpenVINO itself runs on. A session takes it when the provider options
 * say {@code provider=OpenVINO}, the OpenVINO device being {@code device_type} (default by the suite's
 * device: CPU, GPU or NPU); both are the suite's keys and are not passed on. The suite's threads become
 * the EP's {@code num_of_threads}, the compile cache its {@code cache_dir}.
 */
public final class OpenVinoEpPlugin {
    public static final String REGISTRATION_NAME = "OpenVINOExecutionProvider";
    public static final String PROPERTY = "aipcbench.ort.openvino.plugin";
    public static final String ENV = "ORT_OPENVINO_EP_PLUGIN";
    /** Provider option choosing an execution provider by name; {@code OpenVINO} selects this plugin. */
    public static final String PROVIDER_OPTION = "provider";
    public static final String DEVICE_TYPE_OPTION = "device_type";
    private static final int INTEL = 0x8086;

    /** The outcome of the one registration attempt: the library, and why it failed (null when registered). */
    public record Registration(Path library, String failure) {
        public boolean registered() {
            return failure == null;
        }
    }

    private static Registration registration;

    private OpenVinoEpPlugin() {
    }

    /** Whether the provider options ask for the OpenVINO execution provider. */
    public static boolean requested(Map<String, String> providerOptions) {
        String p = providerOptions.get(PROVIDER_OPTION);
        return p != null && p.toLowerCase(Locale.ROOT).replace("executionprovider", "").equals("openvino");
    }

    /** Registers the plugin with {@code env} unless that was tried before; the first outcome is kept. */
    public static synchronized Registration register(OrtEnvironment env) {
        if (registration == null) {
            Path library = library();
            if (!Files.isRegularFile(library)) {
                registration = new Registration(library, "the OpenVINO EP plugin " + library + " does not exist (pip package onnxruntime-ep-openvino;"
                        + " set -D" + PROPERTY + " or " + ENV + ")");
            } else {
                try {
                    env.registerExecutionProviderLibrary(REGISTRATION_NAME, library.toString());
                    registration = new Registration(library, null);
                } catch (OrtException | UnsatisfiedLinkError e) {
                    registration = new Registration(library, "ONNX Runtime " + env.getVersion() + " could not register " + library + ": "
                            + e.getMessage());
                }
            }
        }
        return registration;
    }

    /** One line on the plugin for a skipped cell's reason: not tried, not registered (why), or the devices it offers. */
    static synchronized String describe(List<OrtEpDevice> all) {
        if (registration == null) {
            return "the OpenVINO EP plugin was not tried";
        }
        if (!registration.registered()) {
            return registration.failure();
        }
        long offered = all.stream().filter(d -> d.getEpName().startsWith(REGISTRATION_NAME)).count();
        return "the OpenVINO EP plugin " + registration.library() + " is registered and offers " + offered + " device(s)"
                + (offered == 0 ? " (it serves Intel hardware only)" : "");
    }

    /** The plugin library: the property, the environment variable, else the runtime environment's wheel. */
    public static Path library() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv(ENV);
        }
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit.trim());
        }
        String file = Platform.isWindows() ? "onnxruntime_providers_openvino_plugin.dll" : "libonnxruntime_providers_openvino_plugin.so";
        RuntimeEnvironment environment = RuntimeEnvironment.current();
        Path sitePackages = environment.sitePackages().orElse(environment.python().resolve("site-packages"));
        return sitePackages.resolve("onnxruntime_ep_openvino").resolve(file);
    }

    /**
     * Registers the plugin, appends its EP device for {@code device} to {@code options} and returns the
     * provider's name, e.g. {@code OpenVINOExecutionProvider(CPU)}.
     *
     * @throws DeviceUnavailableException when the plugin is not registered or offers no such device, saying why
     */
    public static String append(OrtEnvironment env, OrtSession.SessionOptions options, Device device, Map<String, String> providerOptions,
                                int threads) throws OrtException {
        Registration r = register(env);
        if (!r.registered()) {
            throw new DeviceUnavailableException("OpenVINO execution provider unavailable: " + r.failure());
        }
        String ovDevice = providerOptions.getOrDefault(DEVICE_TYPE_OPTION, defaultDeviceType(device)).toUpperCase(Locale.ROOT);
        List<OrtEpDevice> all = OrtExecutionProviders.epDevices(env);
        OrtEpDevice chosen = null;
        for (OrtEpDevice d : all) {
            String offered = d.getEpMetadata().getOrDefault("ov_device", "");
            if (d.getEpName().equals(REGISTRATION_NAME) && (offered.equals(ovDevice) || offered.startsWith(ovDevice + "."))) {
                chosen = d;
                break;
            }
        }
        if (chosen == null) {
            throw new DeviceUnavailableException(noDevice(ovDevice, r.library(), all));
        }
        Map<String, String> epOptions = new LinkedHashMap<>(providerOptions);
        epOptions.remove(PROVIDER_OPTION);
        epOptions.remove(DEVICE_TYPE_OPTION);
        if (threads > 0 && ovDevice.equals("CPU")) {
            epOptions.putIfAbsent("num_of_threads", Integer.toString(threads));
        }
        options.addExecutionProvider(List.of(chosen), epOptions);
        return REGISTRATION_NAME + "(" + chosen.getEpMetadata().get("ov_device") + ")";
    }

    private static String defaultDeviceType(Device device) {
        switch (device) {
            case NPU: return "NPU";
            case IGPU:
            case DGPU: return "GPU";
            default: return "CPU";
        }
    }

    private static String noDevice(String ovDevice, Path library, List<OrtEpDevice> all) {
        List<String> offered = new ArrayList<>();
        for (OrtEpDevice d : all) {
            if (d.getEpName().startsWith(REGISTRATION_NAME)) {
                offered.add(d.getEpName() + "/" + d.getEpMetadata().getOrDefault("ov_device", "?"));
            }
        }
        String hardware = all.stream().map(d -> d.getDevice().getType() + " " + d.getDevice().getVendor()
                + String.format(" (vendor 0x%04x)", d.getDevice().getVendorId())).distinct().collect(Collectors.joining(", ", "[", "]"));
        boolean intel = all.stream().anyMatch(d -> d.getDevice().getVendorId() == INTEL);
        return "no OpenVINO EP device for " + ovDevice + ": the plugin " + library + " offers " + (offered.isEmpty() ? "none" : offered)
                + (intel ? "" : "; it serves Intel hardware only (PCI vendor 0x8086)") + " and ONNX Runtime's hardware devices here are " + hardware;
    }
}
