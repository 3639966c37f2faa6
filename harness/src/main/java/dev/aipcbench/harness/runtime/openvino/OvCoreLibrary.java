package dev.aipcbench.harness.runtime.openvino;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of OpenVINO's C API ({@code openvino_c}: openvino/c/ov_core.h, ov_common.h, ov_model.h,
 * ov_compiled_model.h, ov_infer_request.h, ov_tensor.h, ov_shape.h) the suite uses: which devices OpenVINO
 * sees, what kind each GPU is, its version and the text of its last error; and, for the {@code openvino}
 * runtime, reading and compiling a model, and running an infer request on tensors over the suite's own
 * buffers. {@code size_t} is bound as {@code long} (64-bit builds only). The C API has no variable-state
 * calls (no query_state or reset_state): a fresh infer request is the only way to an empty KV cache.
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

    /** {@code ov_shape_t}: {@code int64_t rank; int64_t* dims}. */
    @Structure.FieldOrder({"rank", "dims"})
    class Shape extends Structure {
        public long rank;
        public Pointer dims;

        /** Passed by value, as {@code ov_tensor_create_from_host_ptr} takes it. */
        public static class ByValue extends Shape implements Structure.ByValue {
        }
    }

    /**
     * {@code ov_profiling_info_t}: {@code enum Status status; int64_t real_time, cpu_time (us); const char* node_name,
     * exec_type, node_type}.
     */
    @Structure.FieldOrder({"status", "realTime", "cpuTime", "nodeName", "execType", "nodeType"})
    class ProfilingInfo extends Structure {
        /** {@code EXECUTED} in {@code ov_profiling_info_t::Status} (NOT_RUN 0, OPTIMIZED_OUT 1). */
        public static final int EXECUTED = 2;
        public int status;
        public long realTime;
        public long cpuTime;
        public Pointer nodeName;
        public Pointer execType;
        public Pointer nodeType;

        public ProfilingInfo() {
        }

        public ProfilingInfo(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code ov_profiling_info_list_t}: {@code ov_profiling_info_t* profiling_infos; size_t size}. */
    @Structure.FieldOrder({"profilingInfos", "size"})
    class ProfilingInfoList extends Structure {
        public Pointer profilingInfos;
        public long size;
    }

    /** {@code ov_element_type_e} codes used here (openvino/c/ov_common.h). */
    int ELEMENT_F16 = 3;
    int ELEMENT_F32 = 4;
    int ELEMENT_I32 = 9;
    int ELEMENT_I64 = 10;

    int ov_core_create(PointerByReference core);

    void ov_core_free(Pointer core);

    int ov_core_get_available_devices(Pointer core, AvailableDevices devices);

    void ov_available_devices_free(AvailableDevices devices);

    int ov_core_get_property(Pointer core, String deviceName, String propertyKey, PointerByReference value);

    int ov_get_openvino_version(Version version);

    void ov_version_free(Version version);

    int ov_core_read_model(Pointer core, String modelPath, String binPath, PointerByReference model);

    void ov_model_free(Pointer model);

    /** {@code properties}: {@code numProperties} {@code ov_property_t} ({@code const char* key; const void* value}). */
    int ov_core_compile_model_props(Pointer core, Pointer model, String deviceName, long numProperties, Pointer properties,
                                    PointerByReference compiledModel);

    int ov_compiled_model_get_property(Pointer compiledModel, String propertyKey, PointerByReference value);

    int ov_compiled_model_inputs_size(Pointer compiledModel, LongByReference size);

    int ov_compiled_model_input_by_index(Pointer compiledModel, long index, PointerByReference port);

    int ov_compiled_model_outputs_size(Pointer compiledModel, LongByReference size);

    int ov_compiled_model_output_by_index(Pointer compiledModel, long index, PointerByReference port);

    int ov_compiled_model_create_infer_request(Pointer compiledModel, PointerByReference inferRequest);

    void ov_compiled_model_free(Pointer compiledModel);

    int ov_port_get_any_name(Pointer port, PointerByReference name);

    int ov_port_get_element_type(Pointer port, IntByReference type);

    void ov_output_const_port_free(Pointer port);

    int ov_infer_request_set_input_tensor_by_index(Pointer inferRequest, long index, Pointer tensor);

    int ov_infer_request_get_output_tensor_by_index(Pointer inferRequest, long index, PointerByReference tensor);

    int ov_infer_request_infer(Pointer inferRequest);

    void ov_infer_request_free(Pointer inferRequest);

    /** The last inference's time per node; the model must be compiled with {@code PERF_COUNT=YES}. */
    int ov_infer_request_get_profiling_info(Pointer inferRequest, ProfilingInfoList profilingInfos);

    void ov_profiling_info_list_free(ProfilingInfoList profilingInfos);

    int ov_tensor_create_from_host_ptr(int elementType, Shape.ByValue shape, Pointer hostPointer, PointerByReference tensor);

    int ov_tensor_data(Pointer tensor, PointerByReference data);

    void ov_tensor_free(Pointer tensor);

    Pointer ov_get_last_err_msg();

    void ov_free(Pointer text);
}
