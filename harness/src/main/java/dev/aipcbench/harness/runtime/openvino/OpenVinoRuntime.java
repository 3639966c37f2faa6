package dev.aipcbench.harness.runtime.openvino;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.results.TokenAnatomy;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import dev.aipcbench.harness.runtime.nativelib.LoadedOnce;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The suite's own generation loop on OpenVINO Runtime through its C API ({@code openvino_c}), the counterpart
 * of the {@code onnxruntime} runtime: the same optimum-style IR folders as OpenVINO GenAI, one stateful infer
 * request, greedy sampling, the per-token timeline ({@link OpenVinoSession}); no Python anywhere. The library
 * is found by {@link OvCoreLocations} (explicit setting, the suite's runtime environment, the system).
 *
 * <p>Devices come from OpenVINO's own list ({@code ov_core_get_available_devices}) through
 * {@link OvDeviceChoice}: cpu {@code CPU}, igpu/dgpu the GPU of that DEVICE_TYPE, npu {@code NPU}; a device
 * OpenVINO does not list is skipped with what its plugin says (e.g. the GPU plugin's missing libOpenCL).
 * Provider option {@code device} names any other OpenVINO device string; every other provider option is
 * passed to the compile as the OpenVINO property of that name. Precision is the IR's own.
 */
public final class OpenVinoRuntime implements InferenceRuntime, dev.aipcbench.harness.runtime.GraphRuntime {
    public static final String ID = "openvino";
    /** Provider option naming the OpenVINO device to use instead of the device's default. */
    public static final String DEVICE_OPTION = "device";

    /** The inference part of the C API, checked at load so an old build is skipped, not failed mid-run. */
    private static final String[] INFERENCE_FUNCTIONS = {"ov_core_read_model", "ov_model_free", "ov_core_compile_model_props",
        "ov_compiled_model_get_property", "ov_compiled_model_inputs_size", "ov_compiled_model_input_by_index",
        "ov_compiled_model_outputs_size", "ov_compiled_model_output_by_index", "ov_compiled_model_create_infer_request",
        "ov_compiled_model_free", "ov_port_get_any_name", "ov_port_get_element_type", "ov_output_const_port_free",
        "ov_infer_request_set_input_tensor_by_index", "ov_infer_request_get_output_tensor_by_index", "ov_infer_request_infer",
        "ov_infer_request_free", "ov_tensor_create_from_host_ptr", "ov_tensor_data", "ov_tensor_free", "ov_free"};

    /** openvino_c as loaded, with the one {@code ov_core_t} every session compiles with (plugins load once). */
    private record Loaded(OpenVinoCore core, Pointer ovCore, String where) {
    }

    private final LoadedOnce<Loaded> loaded;

    /** Looks in {@link OvCoreLocations}' order, with the current runtime environment. */
    public OpenVinoRuntime() {
        this(OvCoreLocations.candidates(RuntimeEnvironment.current()));
    }

    /** Uses the openvino_c at {@code library} (a file, or a folder holding it). */
    public OpenVinoRuntime(Path library) {
        this(List.of(new OvCoreLocations.Candidate("the path given to the runtime",
                NativeLibraryLookup.at(OvCoreLocations.LIBRARY_NAME, library), false)));
    }

    private OpenVinoRuntime(List<OvCoreLocations.Candidate> candidates) {
        this.loaded = new LoadedOnce<>(() -> OvCoreLocations.loadFirst(candidates, OpenVinoRuntime::load));
    }

    private static Loaded load(OvCoreLocations.Candidate candidate) {
        if (Native.POINTER_SIZE != 8) {
            throw new DeviceUnavailableException("runtime library not usable: the OpenVINO binding needs a 64-bit JVM");
        }
        OpenVinoCore core = OpenVinoCore.load(candidate.lookup());
        core.require("OpenVINO Runtime's C API for inference (2024.0 or newer)", INFERENCE_FUNCTIONS);
        return new Loaded(core, core.newCore(), candidate.labelled() ? candidate.label() : core.location());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelFormat modelFormat() {
        return ModelFormat.OPENVINO_IR;
    }

    @Override
    public String version() {
        return loaded.describe(l -> l.core().version());
    }

    @Override
    public String location() {
        return loaded.describe(Loaded::where);
    }

    @Override
    public boolean installed() {
        return loaded.loads();
    }

    /** The devices OpenVINO reports here, e.g. {@code [CPU, GPU.0, GPU.1, NPU]}. */
    @Override
    public List<String> providers() {
        return installed() ? loaded.get().core().availableDevices() : List.of();
    }

    @Override
    public Availability availability(Device device, Precision precision) {
        try {
            device(loaded.get().core(), device);
            return Availability.available();
        } catch (DeviceUnavailableException e) {
            return Availability.skipped(e.getMessage());
        }
    }

    /** The OpenVINO device for {@code device}; when OpenVINO lists none, its plugin's own reason is added. */
    static String device(OpenVinoCore core, Device device) {
        List<String> available = core.availableDevices();
        try {
            return OvDeviceChoice.choose(device, available, core::deviceType);
        } catch (DeviceUnavailableException e) {
            String plugin = device == Device.NPU ? "NPU" : device == Device.CPU ? "CPU" : "GPU";
            throw new DeviceUnavailableException(e.getMessage() + "; " + pluginReport(core, plugin));
        }
    }

    /** What OpenVINO's plugin says about its devices: its AVAILABLE_DEVICES, or why it cannot load. */
    private static String pluginReport(OpenVinoCore core, String plugin) {
        try {
            return "OpenVINO's " + plugin + " plugin reports AVAILABLE_DEVICES [" + core.property(plugin, "AVAILABLE_DEVICES") + "]";
        } catch (OvException e) {
            String text = e.getMessage().strip();
            return "OpenVINO: " + text.substring(text.lastIndexOf('\n') + 1).strip();
        }
    }

    @Override
    public GenerationSession open(Path modelFolder, SessionSettings settings) {
        Loaded l = loaded.get();
        return OpenVinoSession.open(l.core(), l.ovCore(), modelFolder, deviceFor(l, settings), settings, version());
    }

    /** The OpenVINO device a session runs on: the profile's {@value #DEVICE_OPTION} option, else the suite's choice. */
    private String deviceFor(Loaded l, SessionSettings settings) {
        String explicit = settings.providerOptions().get(DEVICE_OPTION);
        return explicit != null ? explicit : device(l.core(), settings.device());
    }

    /**
     * A prefill of {@link InferenceRuntime#profiledPrompt} tokens and {@value #PROFILED_STEPS} decode steps on a session compiled with
     * {@code PERF_COUNT=YES} (never the timed one: counting every node's time costs some), each step's per-layer times
     * read from its request: the prefill's, and the median decode step's ({@link OvProfile#step}), after a warm-up prefill
     * and step.
     */
    @Override
    public Map<String, String> executionProfile(Path modelFolder, SessionSettings settings, Path workDir) {
        Map<String, String> options = new java.util.LinkedHashMap<>(settings.providerOptions());
        options.put(PERF_COUNT, "YES");
        SessionSettings profiled = new SessionSettings(settings.device(), settings.intraOpThreads(), settings.optimization(),
                settings.maxSequenceLength(), options, null, settings.sampling());
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (OpenVinoSession s = (OpenVinoSession) open(modelFolder, profiled)) {
            int[] prompt = new int[InferenceRuntime.profiledPrompt(settings)];
            java.util.Arrays.fill(prompt, 1);
            // A first inference repacks the weights (seconds on a large model): a warm-up prefill and step take it.
            int token = s.prefill(prompt);
            token = s.decode(token);
            OvProfile before = s.lastProfile();
            token = s.prefill(prompt);
            OvProfile after = s.lastProfile();
            OvProfile prefill = OvProfile.step(before, after, WARM_INFERENCES + 1);
            out.putAll(TokenAnatomy.facts(TokenAnatomy.Step.PREFILL, prefill.opShare(), s.lastRunNanos() / 1e6, prefill.kernelMillis(),
                    prompt.length));
            List<OvProfile> steps = new java.util.ArrayList<>();
            List<Double> millis = new java.util.ArrayList<>();
            for (int i = 0; i < PROFILED_STEPS; i++) {
                before = after;
                token = s.decode(token);
                after = s.lastProfile();
                steps.add(OvProfile.step(before, after, WARM_INFERENCES + 2 + i));
                millis.add(s.lastRunNanos() / 1e6);
            }
            // the median decode step, so one step another process delayed does not speak for the cell
            int median = java.util.stream.IntStream.range(0, PROFILED_STEPS).boxed()
                    .sorted(java.util.Comparator.comparingDouble(millis::get)).toList().get(PROFILED_STEPS / 2);
            out.putAll(TokenAnatomy.facts(TokenAnatomy.Step.DECODE, steps.get(median).opShare(), millis.get(median),
                    steps.get(median).kernelMillis(), prompt.length + median));
        }
        return out;
    }

    private static final String PERF_COUNT = "PERF_COUNT";
    /** Inferences before the profiled prefill: the means {@link OvProfile} reads count them (the graph's, shared by its requests). */
    private static final int WARM_INFERENCES = 2;

    @Override
    public BareGraph open(Path folder, dev.aipcbench.harness.model.probe.ProbeGraph graph, SessionSettings settings, int rows) {
        Loaded l = loaded.get();
        return OvBareGraph.open(l.core(), l.ovCore(), folder, graph, deviceFor(l, settings), settings, rows);
    }
}
