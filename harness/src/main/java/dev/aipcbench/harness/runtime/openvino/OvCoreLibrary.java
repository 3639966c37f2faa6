package dev.aipcbench.harness.runtime.openvino;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of OpenVINO's C API ({@code openvino_c}: openvino/c/ov_core.h, ov_common.h) the suite uses to
 * ask which devices OpenVINO sees, what kind each GPU is, its version, and the text of its last error.
 */
public interface OvCoreLibrary extends Library {
    /** {@code ov_available_devices_t}: {@code char** devices; size_t size}. */
    @Structure.FieldOrder({"devices", "size"})
    class AvailableDevices extends Structure {
        public Pointer devices;
        public long size;
    }

    /** {@code ov_version_t}: {@code const char* buildNumber; const char* description}. */
    @Structure.FieldOrder({"buildNumber", "description"})
    class Version extends Structure {
        public Pointer buildNumber;
        public Pointer description;
    }

    int ov_core_create(PointerByReference core);

    void ov_core_free(Pointer core);

    int ov_core_get_available_devices(Pointer core, AvailableDevices devices);

    void ov_available_devices_free(AvailableDevices devices);

    int ov_core_get_property(Pointer core, String deviceName, String propertyKey, PointerByReference value);

    int ov_get_openvino_version(Version version);

    void ov_version_free(Version version);

    Pointer ov_get_last_err_msg();

    void ov_free(Pointer text);
}
