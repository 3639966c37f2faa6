package dev.aipcbench.harness.runtime.openvinogenai;

import com.sun.jna.Native;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import dev.aipcbench.harness.runtime.nativelib.NativeSymbols;
import dev.aipcbench.harness.runtime.openvino.OpenVinoCore;
import dev.aipcbench.harness.runtime.openvino.OvException;
import dev.aipcbench.harness.runtime.openvino.OvStatus;

/**
 * OpenVINO GenAI as loaded here: the JNA binding of openvino_genai_c, which optional functions this build
 * has, and openvino_c beside it when it loads (for devices, version and error text).
 *
 * <p>Required: pipeline create/generate/free, generation config create/free/{@code set_max_new_tokens},
 * {@code ov_genai_decoded_results_free}. Optional: {@code set_min_new_tokens} and {@code set_ignore_eos}
 * (without both, a generation may stop early at EOS, which the session records), {@code set_do_sample},
 * the perf-metrics getters, {@code ov_genai_decoded_results_get_string}.
 */
public final class OvGenaiBinding {
    public static final String CORE_LIBRARY_NAME = "openvino_c";
    public static final String CORE_LIBRARY_PROPERTY = "aipcbench.openvino.core.library";
    public static final String CORE_LIBRARY_ENV = "OPENVINO_C_LIBRARY";

    private final OvGenaiLibrary lib;
    private final String location;
    private final NativeSymbols symbols;
    private final OpenVinoCore core;
    private final String coreFailure;

    private OvGenaiBinding(OvGenaiLibrary lib, String location, NativeSymbols symbols, OpenVinoCore core, String coreFailure) {
        this.lib = lib;
        this.location = location;
        this.symbols = symbols;
        this.core = core;
        this.coreFailure = coreFailure;
    }

    /**
     * Loads openvino_genai_c, then openvino_c (beside it first); a missing openvino_c is recorded, not fatal.
     *
     * @throws DeviceUnavailableException when openvino_genai_c is not found, does not load, or lacks a required function
     */
    public static OvGenaiBinding load(NativeLibraryLookup lookup) {
        if (Native.POINTER_SIZE != 8) {
            throw new DeviceUnavailableException("runtime library not usable: the OpenVINO GenAI binding needs a 64-bit JVM");
        }
        NativeLibraryLookup.Found found = lookup.load();
        NativeSymbols symbols = new NativeSymbols(found.library(), found.loadName());
        symbols.require("OpenVINO GenAI's C API (2025.1 or newer)", "ov_genai_llm_pipeline_create", "ov_genai_llm_pipeline_free",
                "ov_genai_llm_pipeline_generate", "ov_genai_generation_config_create", "ov_genai_generation_config_free",
                "ov_genai_generation_config_set_max_new_tokens", "ov_genai_decoded_results_free");
        OvGenaiLibrary lib = Native.load(found.loadName(), OvGenaiLibrary.class, NativeLibraryLookup.OPTIONS);
        OpenVinoCore core = null;
        String coreFailure = null;
        try {
            core = OpenVinoCore.load(NativeLibraryLookup.beside(found.folder(), CORE_LIBRARY_NAME, CORE_LIBRARY_PROPERTY, CORE_LIBRARY_ENV));
        } catch (DeviceUnavailableException e) {
            coreFailure = e.getMessage();
        }
        return new OvGenaiBinding(lib, found.origin(), symbols, core, coreFailure);
    }

    public OvGenaiLibrary library() {
        return lib;
    }

    public String location() {
        return location;
    }

    public boolean has(String function) {
        return symbols.has(function);
    }

    /** openvino_c, or null when it did not load ({@link #coreFailure()} says why). */
    public OpenVinoCore core() {
        return core;
    }

    public String coreFailure() {
        return coreFailure;
    }

    /** Throws {@link OvException} unless {@code status} is OK, adding OpenVINO's last error text when it has one. */
    public void check(int status, String call) {
        if (status != OvStatus.OK) {
            throw new OvException(call, status, core == null ? "" : core.lastErrorMessage());
        }
    }
}
