package dev.aipcbench.harness.runtime.genai;

import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.aipcbench.harness.device.Device;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The execution provider onnxruntime-genai runs a device on, set on its config with
 * {@code OgaConfigClearProviders}, {@code OgaConfigAppendProvider} and {@code OgaConfigSetProviderOption}
 * (which override the folder's genai_config.json). Names are genai's canonical ones (its config accepts
 * cuda, DML, OpenVINO, QNN, VitisAI, WebGPU, NvTensorRtRtx, ...):
 * <ul>
 *   <li>cpu: no provider (genai's CPU path);</li>
 *   <li>igpu: DML on Windows (any DirectX 12 GPU), OpenVINO with {@code device_type=GPU} elsewhere;</li>
 *   <li>npu: OpenVINO with {@code device_type=NPU} (Intel Core Ultra); Qualcomm and AMD NPUs need
 *       {@code provider=QNN} or {@code provider=VitisAI} in the provider options;</li>
 *   <li>dgpu: cuda.</li>
 * </ul>
 * The provider option {@code provider} replaces the default name; every other option is passed to the
 * provider as is. The compile cache becomes OpenVINO's {@code cache_dir}.
 */
public record OgaProvider(String name, Map<String, String> options) {
    /** The provider option that picks the provider instead of the default for the device. */
    public static final String PROVIDER_KEY = "provider";
    public static final String CPU = "CPU";

    public OgaProvider {
        options = Map.copyOf(options);
    }

    /** The provider for {@code device}, given the session's provider options and compile cache (may be null). */
    public static OgaProvider forDevice(Device device, Map<String, String> providerOptions, Path compileCache) {
        Map<String, String> options = new LinkedHashMap<>(providerOptions);
        String name = options.remove(PROVIDER_KEY);
        if (name == null) {
            name = defaultName(device);
            if (name.equals("OpenVINO")) {
                options.putIfAbsent("device_type", device == Device.NPU ? "NPU" : "GPU");
            }
        }
        if (name.equalsIgnoreCase("OpenVINO") && compileCache != null) {
            options.putIfAbsent("cache_dir", compileCache.toAbsolutePath().toString());
        }
        return new OgaProvider(name, options);
    }

    private static String defaultName(Device device) {
        switch (device) {
            case CPU: return CPU;
            case IGPU: return Platform.isWindows() ? "DML" : "OpenVINO";
            case NPU: return "OpenVINO";
            case DGPU: return "cuda";
            default: throw new IllegalArgumentException("device " + device);
        }
    }

    public boolean isCpu() {
        return name.equalsIgnoreCase(CPU);
    }

    /**
     * Why this provider cannot run, judged by the files its builds ship: {@code genaiFolder} holds genai
     * ({@code libonnxruntime-genai-cuda.so} / {@code onnxruntime-genai-cuda.dll}: genai's CUDA interface, from
     * the onnxruntime-genai-cuda wheel), {@code ortFolder} its ONNX Runtime ({@code DirectML.dll} from
     * onnxruntime-directml, {@code libonnxruntime_providers_openvino.so} / {@code onnxruntime_providers_openvino.dll}
     * from onnxruntime-openvino). Empty when the files are there or nothing can be told from files.
     */
    public java.util.Optional<String> missingFiles(Path genaiFolder, Path ortFolder) {
        String[] where;
        Path folder;
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "cuda":
                folder = genaiFolder;
                where = new String[] {"libonnxruntime-genai-cuda.so", "onnxruntime-genai-cuda.dll", "genai's CUDA interface (the onnxruntime-genai-cuda package)"};
                break;
            case "dml":
                folder = ortFolder;
                where = new String[] {"DirectML.dll", "DirectML.dll", "DirectML (the onnxruntime-genai-directml package)"};
                break;
            case "openvino":
                folder = ortFolder;
                where = new String[] {"libonnxruntime_providers_openvino.so", "onnxruntime_providers_openvino.dll",
                    "ONNX Runtime's OpenVINO execution provider (an onnxruntime-openvino build)"};
                break;
            default:
                return java.util.Optional.empty();
        }
        if (folder == null) {
            return java.util.Optional.empty();
        }
        String file = Platform.isWindows() ? where[1] : where[0];
        if (java.nio.file.Files.isRegularFile(folder.resolve(file))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("execution provider " + describe() + " unavailable in onnxruntime-genai: no " + where[2] + ", "
                + folder.resolve(file) + " is missing");
    }

    /** Sets this provider on a genai config: clears the folder's providers, then appends this one. */
    public void apply(OgaBinding binding, Pointer config) {
        OgaLibrary lib = binding.library();
        binding.check(lib.OgaConfigClearProviders(config), "OgaConfigClearProviders");
        if (isCpu()) {
            return;
        }
        binding.check(lib.OgaConfigAppendProvider(config, name), "OgaConfigAppendProvider(" + name + ")");
        for (Map.Entry<String, String> e : options.entrySet()) {
            binding.check(lib.OgaConfigSetProviderOption(config, name, e.getKey(), e.getValue()),
                    "OgaConfigSetProviderOption(" + name + ", " + e.getKey() + ")");
        }
    }

    /** e.g. {@code OpenVINO(device_type=NPU)} or {@code CPU}. */
    public String describe() {
        if (options.isEmpty()) {
            return name;
        }
        return name + options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
