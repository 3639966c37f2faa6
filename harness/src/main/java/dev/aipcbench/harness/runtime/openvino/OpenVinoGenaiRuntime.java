package dev.aipcbench.harness.runtime.openvino;

import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.nativelib.LoadedOnce;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;

import java.nio.file.Path;
import java.util.List;

/**
 * OpenVINO GenAI's {@code LLMPipeline} through its C API ({@code openvino_genai_c}: libopenvino_genai_c.so,
 * openvino_genai_c.dll), running OpenVINO IR folders ({@link OpenVinoGenaiSession}). The library is
 * found by {@link NativeLibraryLookup}: {@code -Daipcbench.openvino.library=PATH}, else
 * {@code OPENVINO_GENAI_LIBRARY}, else the library paths and the system loader; {@code openvino_c} is
 * then looked for beside it ({@code -Daipcbench.openvino.core.library} / {@code OPENVINO_C_LIBRARY}
 * override).
 *
 * <p>Devices map to OpenVINO's names ({@link OvDeviceChoice}): cpu {@code CPU}, npu {@code NPU}, igpu the
 * integrated GPU, dgpu the discrete one (by {@code DEVICE_TYPE}); provider option {@code device} names
 * any other OpenVINO device string (e.g. {@code GPU.2}, {@code HETERO:GPU,CPU}). {@link #availability}
 * checks the library and that OpenVINO reports the device ({@code ov_core_get_available_devices}); when
 * openvino_c cannot be loaded, only cpu counts as available and the others are skipped saying the
 * devices cannot be queried. Precision is the IR folder's own, so it is not checked here.
 */
public final class OpenVinoGenaiRuntime implements InferenceRuntime {
    public static final String ID = "openvino-genai";
    public static final String LIBRARY_NAME = "openvino_genai_c";
    public static final String LIBRARY_PROPERTY = "aipcbench.openvino.library";
    public static final String LIBRARY_ENV = "OPENVINO_GENAI_LIBRARY";
    /** Provider option naming the OpenVINO device to use instead of the device's default. */
    public static final String DEVICE_OPTION = "device";

    private final NativeLibraryLookup lookup;
    private final LoadedOnce<OvGenaiBinding> binding;

    /** Finds openvino_genai_c by property, environment variable, library paths, then the system loader. */
    public OpenVinoGenaiRuntime() {
        this(NativeLibraryLookup.of(LIBRARY_NAME, LIBRARY_PROPERTY, LIBRARY_ENV));
    }

    /** Uses the openvino_genai_c at {@code library} (a file, or a folder holding it); openvino_c is looked for beside it. */
    public OpenVinoGenaiRuntime(Path library) {
        this(NativeLibraryLookup.at(LIBRARY_NAME, library));
    }

    private OpenVinoGenaiRuntime(NativeLibraryLookup lookup) {
        this.lookup = lookup;
        this.binding = new LoadedOnce<>(() -> OvGenaiBinding.load(lookup));
    }

    private OvGenaiBinding binding() {
        return binding.get();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelFormat modelFormat() {
        return ModelFormat.OPENVINO_IR;
    }

    /** OpenVINO's build number (openvino_c); GenAI's C API has no version call of its own. */
    @Override
    public String version() {
        OvGenaiBinding b;
        try {
            b = binding();
        } catch (DeviceUnavailableException e) {
            return e.getMessage();
        }
        if (b.core() == null) {
            return "unknown (" + b.coreFailure() + "); OpenVINO GenAI loaded from " + b.location();
        }
        return "OpenVINO " + b.core().version() + "; OpenVINO GenAI loaded from " + b.location();
    }

    @Override
    public boolean installed() {
        try {
            binding();
            return true;
        } catch (DeviceUnavailableException e) {
            return false;
        }
    }

    /** The devices OpenVINO reports here, e.g. {@code [CPU, GPU.0, GPU.1, NPU]}. */
    @Override
    public List<String> providers() {
        if (!installed() || binding().core() == null) {
            return List.of();
        }
        return binding().core().availableDevices();
    }

    @Override
    public Availability availability(Device device, Precision precision) {
        OvGenaiBinding b;
        try {
            b = binding();
        } catch (DeviceUnavailableException e) {
            return Availability.skipped(e.getMessage());
        }
        try {
            device(b, device);
            return Availability.available();
        } catch (DeviceUnavailableException e) {
            return Availability.skipped(e.getMessage());
        }
    }

    /** The OpenVINO device for {@code device}, checked against OpenVINO's devices when openvino_c is loaded. */
    private static String device(OvGenaiBinding b, Device device) {
        OpenVinoCore core = b.core();
        if (core == null) {
            if (device == Device.CPU) {
                return OvDeviceChoice.unchecked(device);
            }
            throw new DeviceUnavailableException("cannot query devices: " + b.coreFailure());
        }
        return OvDeviceChoice.choose(device, core.availableDevices(), core::deviceType);
    }

    @Override
    public GenerationSession open(Path modelFolder, SessionSettings settings) {
        OvGenaiBinding b = binding();
        String explicit = settings.providerOptions().get(DEVICE_OPTION);
        String device = explicit != null ? explicit
                : b.core() == null ? OvDeviceChoice.unchecked(settings.device()) : device(b, settings.device());
        return OpenVinoGenaiSession.open(b, version(), modelFolder, device, settings);
    }
}
