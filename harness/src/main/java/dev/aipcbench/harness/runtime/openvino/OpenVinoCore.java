package dev.aipcbench.harness.runtime.openvino;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import dev.aipcbench.harness.runtime.nativelib.NativeSymbols;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenVINO's runtime as seen through {@code openvino_c}: the devices it reports
 * ({@code ov_core_get_available_devices}), the kind of each GPU ({@code ov_core_get_property(...,
 * "DEVICE_TYPE")}: integrated or discrete), its version ({@code ov_get_openvino_version}) and the text
 * of its last error ({@code ov_get_last_err_msg}). OpenVINO GenAI links it, so it sits beside
 * openvino_genai_c in every install.
 */
public final class OpenVinoCore {
    private final OvCoreLibrary lib;
    private final String location;
    private final NativeSymbols symbols;
    private final boolean errorText;
    private final boolean properties;

    private OpenVinoCore(OvCoreLibrary lib, String location, NativeSymbols symbols) {
        this.lib = lib;
        this.location = location;
        this.symbols = symbols;
        this.errorText = symbols.has("ov_get_last_err_msg") && symbols.has("ov_free");
        this.properties = symbols.has("ov_core_get_property") && symbols.has("ov_free");
    }

    /**
     * Loads openvino_c.
     *
     * @throws DeviceUnavailableException when it is not found, does not load, or cannot list devices
     */
    public static OpenVinoCore load(NativeLibraryLookup lookup) {
        NativeLibraryLookup.Found found = lookup.load();
        NativeSymbols symbols = new NativeSymbols(found.library(), found.loadName());
        symbols.require("OpenVINO's C API (ov_core_get_available_devices)", "ov_core_create", "ov_core_free",
                "ov_core_get_available_devices", "ov_available_devices_free", "ov_get_openvino_version", "ov_version_free");
        OvCoreLibrary lib = Native.load(found.loadName(), OvCoreLibrary.class, NativeLibraryLookup.OPTIONS);
        return new OpenVinoCore(lib, found.origin(), symbols);
    }

    public String location() {
        return location;
    }

    /** e.g. {@code 2025.3.0-19807-44526285f24-releases/2025/3}. */
    public String version() {
        OvCoreLibrary.Version v = new OvCoreLibrary.Version();
        check(lib.ov_get_openvino_version(v), "ov_get_openvino_version");
        v.read();
        try {
            return v.buildNumber == null ? "" : v.buildNumber.getString(0, "UTF-8");
        } finally {
            lib.ov_version_free(v);
        }
    }

    /** The devices OpenVINO's plugins report here, e.g. {@code [CPU, GPU.0, GPU.1, NPU]}. */
    public List<String> availableDevices() {
        Pointer core = createCore();
        try {
            OvCoreLibrary.AvailableDevices devices = new OvCoreLibrary.AvailableDevices();
            check(lib.ov_core_get_available_devices(core, devices), "ov_core_get_available_devices");
            devices.read();
            try {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < devices.size; i++) {
                    out.add(devices.devices.getPointer((long) i * Native.POINTER_SIZE).getString(0, "UTF-8"));
                }
                return out;
            } finally {
                lib.ov_available_devices_free(devices);
            }
        } finally {
            lib.ov_core_free(core);
        }
    }

    /** A GPU's {@code DEVICE_TYPE} ({@code integrated} or {@code discrete}), when this OpenVINO can say. */
    public Optional<String> deviceType(String device) {
        if (!properties) {
            return Optional.empty();
        }
        Pointer core = createCore();
        try {
            PointerByReference value = new PointerByReference();
            if (lib.ov_core_get_property(core, device, "DEVICE_TYPE", value) != OvStatus.OK || value.getValue() == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(value.getValue().getString(0, "UTF-8").trim().toLowerCase(java.util.Locale.ROOT));
            } finally {
                lib.ov_free(value.getValue());
            }
        } finally {
            lib.ov_core_free(core);
        }
    }

    /**
     * Fails unless this build exports every function (the {@code openvino} runtime's inference calls).
     *
     * @throws DeviceUnavailableException naming the missing functions
     */
    public void require(String needs, String... functions) {
        symbols.require(needs, functions);
    }

    /** The binding itself, for the classes of this package that compile and run models. */
    OvCoreLibrary library() {
        return lib;
    }

    /** A new {@code ov_core_t} (plugins load once per core); the caller frees it with {@code ov_core_free}. */
    Pointer newCore() {
        return createCore();
    }

    /**
     * A device's property as OpenVINO reports it (e.g. {@code GPU}'s {@code AVAILABLE_DEVICES}).
     *
     * @throws OvException carrying OpenVINO's own text when it cannot say (a plugin that does not load, say)
     */
    public String property(String device, String key) {
        Pointer core = createCore();
        try {
            PointerByReference value = new PointerByReference();
            check(lib.ov_core_get_property(core, device, key, value), "ov_core_get_property(" + device + ", " + key + ")");
            try {
                return value.getValue() == null ? "" : value.getValue().getString(0, "UTF-8");
            } finally {
                lib.ov_free(value.getValue());
            }
        } finally {
            lib.ov_core_free(core);
        }
    }

    /** OpenVINO's text for the last failed call on this thread, or empty. */
    public String lastErrorMessage() {
        if (!errorText) {
            return "";
        }
        Pointer text = lib.ov_get_last_err_msg();
        if (text == null) {
            return "";
        }
        try {
            return text.getString(0, "UTF-8");
        } finally {
            lib.ov_free(text);
        }
    }

    private Pointer createCore() {
        PointerByReference core = new PointerByReference();
        check(lib.ov_core_create(core), "ov_core_create");
        return core.getValue();
    }

    /** Throws {@link OvException} with OpenVINO's last error text unless {@code status} is OK. */
    void check(int status, String call) {
        if (status != OvStatus.OK) {
            throw new OvException(call, status, lastErrorMessage());
        }
    }
}
