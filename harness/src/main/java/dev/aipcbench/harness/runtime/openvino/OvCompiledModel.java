package dev.aipcbench.harness.runtime.openvino;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model read from an IR ({@code ov_core_read_model}) and compiled for one device with a set of
 * properties ({@code ov_core_compile_model_props}), with its inputs and outputs by tensor name, its
 * properties as compiled, and infer requests made from it.
 */
final class OvCompiledModel implements AutoCloseable {
    private final OpenVinoCore core;
    private final OvCoreLibrary lib;
    private final Pointer compiled;
    private final List<String> inputs;
    private final List<String> outputs;
    private final List<Integer> outputTypes;

    private OvCompiledModel(OpenVinoCore core, Pointer compiled) {
        this.core = core;
        this.lib = core.library();
        this.compiled = compiled;
        this.inputs = new ArrayList<>();
        this.outputs = new ArrayList<>();
        this.outputTypes = new ArrayList<>();
        LongByReference n = new LongByReference();
        core.check(lib.ov_compiled_model_inputs_size(compiled, n), "ov_compiled_model_inputs_size");
        for (long i = 0; i < n.getValue(); i++) {
            PointerByReference port = new PointerByReference();
            core.check(lib.ov_compiled_model_input_by_index(compiled, i, port), "ov_compiled_model_input_by_index");
            inputs.add(name(port.getValue()));
            lib.ov_output_const_port_free(port.getValue());
        }
        core.check(lib.ov_compiled_model_outputs_size(compiled, n), "ov_compiled_model_outputs_size");
        for (long i = 0; i < n.getValue(); i++) {
            PointerByReference port = new PointerByReference();
            core.check(lib.ov_compiled_model_output_by_index(compiled, i, port), "ov_compiled_model_output_by_index");
            outputs.add(name(port.getValue()));
            IntByReference type = new IntByReference();
            core.check(lib.ov_port_get_element_type(port.getValue(), type), "ov_port_get_element_type");
            outputTypes.add(type.getValue());
            lib.ov_output_const_port_free(port.getValue());
        }
    }

    /**
     * Reads {@code xml} with {@code bin} and compiles it for {@code device}.
     *
     * @param properties OpenVINO properties by key (PERFORMANCE_HINT, NUM_STREAMS, CACHE_DIR ...), as strings
     */
    static OvCompiledModel compile(OpenVinoCore core, Pointer ovCore, Path xml, Path bin, String device, Map<String, String> properties) {
        OvCoreLibrary lib = core.library();
        PointerByReference model = new PointerByReference();
        core.check(lib.ov_core_read_model(ovCore, xml.toString(), bin.toString(), model), "ov_core_read_model(" + xml + ")");
        try {
            List<Memory> keep = new ArrayList<>();
            Memory props = new Memory(16L * Math.max(properties.size(), 1));
            int i = 0;
            for (Map.Entry<String, String> e : properties.entrySet()) {
                Memory key = cString(e.getKey());
                Memory value = cString(e.getValue());
                keep.add(key);
                keep.add(value);
                props.setPointer(16L * i, key);
                props.setPointer(16L * i + Native.POINTER_SIZE, value);
                i++;
            }
            PointerByReference compiled = new PointerByReference();
            core.check(lib.ov_core_compile_model_props(ovCore, model.getValue(), device, properties.size(), props, compiled),
                    "ov_core_compile_model(" + device + ", " + properties + ")");
            keep.clear();
            return new OvCompiledModel(core, compiled.getValue());
        } finally {
            lib.ov_model_free(model.getValue());
        }
    }

    private static Memory cString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(utf8.length + 1L);
        m.write(0, utf8, 0, utf8.length);
        m.setByte(utf8.length, (byte) 0);
        return m;
    }

    private String name(Pointer port) {
        PointerByReference name = new PointerByReference();
        core.check(lib.ov_port_get_any_name(port, name), "ov_port_get_any_name");
        try {
            return name.getValue().getString(0, "UTF-8");
        } finally {
            lib.ov_free(name.getValue());
        }
    }

    /** The input's index, or -1 when the model has no input of that name. */
    int input(String name) {
        return inputs.indexOf(name);
    }

    /** The output's index, or -1. */
    int output(String name) {
        return outputs.indexOf(name);
    }

    /** The output's {@code ov_element_type_e}. */
    int outputType(int index) {
        return outputTypes.get(index);
    }

    List<String> inputNames() {
        return List.copyOf(inputs);
    }

    /** A property of the compiled model as OpenVINO prints it, or null when it has none of that name. */
    String property(String key) {
        PointerByReference value = new PointerByReference();
        if (lib.ov_compiled_model_get_property(compiled, key, value) != OvStatus.OK || value.getValue() == null) {
            return null;
        }
        try {
            return value.getValue().getString(0, "UTF-8");
        } finally {
            lib.ov_free(value.getValue());
        }
    }

    /** Properties worth recording, those the device reports. */
    Map<String, String> properties(String... keys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : keys) {
            String v = property(k);
            if (v != null) {
                out.put(k, v);
            }
        }
        return out;
    }

    /** A new infer request: its state (the KV cache) starts empty. */
    Pointer newRequest() {
        PointerByReference request = new PointerByReference();
        core.check(lib.ov_compiled_model_create_infer_request(compiled, request), "ov_compiled_model_create_infer_request");
        return request.getValue();
    }

    @Override
    public void close() {
        lib.ov_compiled_model_free(compiled);
    }
}
