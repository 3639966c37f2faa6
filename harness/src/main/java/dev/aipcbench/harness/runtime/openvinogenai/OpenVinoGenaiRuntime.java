package dev.aipcbench.harness.runtime.openvinogenai;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import dev.aipcbench.harness.runtime.nativelib.LoadedOnce;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import dev.aipcbench.harness.runtime.openvino.OpenVinoCore;
import dev.aipcbench.harness.runtime.openvino.OvDeviceChoice;
import dev.aipcbench.harness.runtime.pythondriver.PythonInterpreter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenVINO GenAI's {@code LLMPipeline} running OpenVINO IR folders, reached one of two ways; the
 * session's details record which ({@code api}):
 * <ol>
 *   <li><b>the C API</b> ({@code openvino_genai_c}: libopenvino_genai_c.so, openvino_genai_c.dll, built
 *       only into the OpenVINO GenAI archives, which Windows users often install), bound with JNA
 *       ({@link OvGenaiCApiSession}), when {@link NativeLibraryLookup} finds it:
 *       {@code -Daipcbench.openvino.library=PATH}, else {@code OPENVINO_GENAI_LIBRARY}, else the library
 *       paths and the system loader; {@code openvino_c} is then looked for beside it;</li>
 *   <li>else <b>the {@code openvino_genai} Python package</b> (the wheel, which has no C API), in a driver
 *       process ({@link OvGenaiPythonSession}), with the first interpreter that imports it:
 *       {@code -Daipcbench.openvino.genai.python=PATH} or {@code AIPCBENCH_PYTHON} when set, else the
 *       suite's runtime environment's ({@link RuntimeEnvironment#pythonExecutable()}), else python3 on
 *       PATH.</li>
 * </ol>
 *
 * <p>Devices map to OpenVINO's names ({@link OvDeviceChoice}): cpu {@code CPU}, npu {@code NPU}, igpu the
 * integrated GPU, dgpu the discrete one (by {@code DEVICE_TYPE}), checked against the devices OpenVINO
 * reports (openvino_c's or the Python package's list), so a missing one is skipped with OpenVINO's own
 * list; provider option {@code device} names any other OpenVINO device string (e.g. {@code GPU.2},
 * {@code HETERO:GPU,CPU}). Through the C API without openvino_c, only cpu counts as available. The
 * pipeline's properties are {@link PipelineProperties}'. Precision is the IR folder's own, so it is not
 * checked here.
 */
public final class OpenVinoGenaiRuntime implements InferenceRuntime {
    public static final String ID = "openvino-genai";
    public static final String LIBRARY_NAME = "openvino_genai_c";
    public static final String LIBRARY_PROPERTY = "aipcbench.openvino.library";
    public static final String LIBRARY_ENV = "OPENVINO_GENAI_LIBRARY";
    /** System property naming the Python interpreter for the Python way in. */
    public static final String PYTHON_PROPERTY = "aipcbench.openvino.genai.python";
    /** Provider option naming the OpenVINO device to use instead of the device's default. */
    public static final String DEVICE_OPTION = "device";

    /** The way in this runtime found: exactly one of the two is set. */
    private record Way(OvGenaiBinding cApi, OvGenaiPythonProbe python) {
    }

    private final LoadedOnce<OvGenaiBinding> cApi;
    private final List<PythonInterpreter> pythons;
    private final LoadedOnce<Way> way;

    /** Both ways: the C API where it is found, else the Python package. */
    public OpenVinoGenaiRuntime() {
        this(NativeLibraryLookup.of(LIBRARY_NAME, LIBRARY_PROPERTY, LIBRARY_ENV), defaultPythons());
    }

    /** The C API only: the openvino_genai_c at {@code library} (a file, or a folder holding it); openvino_c is looked for beside it. */
    public OpenVinoGenaiRuntime(Path library) {
        this(NativeLibraryLookup.at(LIBRARY_NAME, library), List.of());
    }

    /** The Python package only, imported by the interpreter at {@code interpreter}. */
    public static OpenVinoGenaiRuntime python(Path interpreter) {
        return new OpenVinoGenaiRuntime(null, List.of(PythonInterpreter.at(interpreter)));
    }

    private OpenVinoGenaiRuntime(NativeLibraryLookup lookup, List<PythonInterpreter> pythons) {
        this.cApi = lookup == null ? null : new LoadedOnce<>(() -> OvGenaiBinding.load(lookup));
        this.pythons = List.copyOf(pythons);
        this.way = new LoadedOnce<>(this::findWay);
    }

    private static List<PythonInterpreter> defaultPythons() {
        return PythonInterpreter.explicit(PYTHON_PROPERTY)
                .map(List::of)
                .orElseGet(() -> List.of(PythonInterpreter.at(RuntimeEnvironment.current().pythonExecutable()), PythonInterpreter.onPath()));
    }

    private Way findWay() {
        List<String> problems = new ArrayList<>();
        if (cApi != null) {
            try {
                return new Way(cApi.get(), null);
            } catch (DeviceUnavailableException e) {
                if (pythons.isEmpty()) {
                    throw e;
                }
                problems.add("OpenVINO GenAI's C API: " + e.getMessage().replaceFirst("^runtime library not installed: ", ""));
            }
        }
        List<String> pythonProblems = new ArrayList<>();
        for (PythonInterpreter python : pythons) {
            OvGenaiPythonProbe probe = OvGenaiPythonProbe.run(python);
            if (probe.importable()) {
                return new Way(null, probe);
            }
            pythonProblems.add(probe.problem());
        }
        problems.add("python module " + OvGenaiPythonProbe.MODULE + " not importable (" + String.join("; ", pythonProblems) + ")");
        throw new DeviceUnavailableException("runtime library not installed: " + String.join("; ", problems));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelFormat modelFormat() {
        return ModelFormat.OPENVINO_IR;
    }

    /** OpenVINO's build number (openvino_c; GenAI's C API has no version call of its own), or the Python package's versions. */
    @Override
    public String version() {
        return way.describe(w -> {
            if (w.python() != null) {
                return w.python().genaiVersion() + " (OpenVINO " + w.python().openvinoVersion() + ")";
            }
            OvGenaiBinding b = w.cApi();
            return b.core() == null ? "unknown (" + b.coreFailure() + ")" : "OpenVINO " + b.core().version();
        });
    }

    /** Which way in and where: the Python package's interpreter, or the C API's library. */
    @Override
    public String location() {
        return way.describe(w -> w.python() != null ? "python package, " + w.python().python().describe()
                : "C API, " + w.cApi().location());
    }

    @Override
    public boolean installed() {
        return way.loads();
    }

    /** The devices OpenVINO reports here, e.g. {@code [CPU, GPU.0, GPU.1, NPU]}. */
    @Override
    public List<String> providers() {
        if (!installed()) {
            return List.of();
        }
        Way w = way.get();
        if (w.python() != null) {
            return w.python().devices();
        }
        return w.cApi().core() == null ? List.of() : w.cApi().core().availableDevices();
    }

    @Override
    public Availability availability(Device device, Precision precision) {
        try {
            device(way.get(), device);
            return Availability.available();
        } catch (DeviceUnavailableException e) {
            return Availability.skipped(e.getMessage());
        }
    }

    /** The OpenVINO device for {@code device}, checked against OpenVINO's devices where they can be listed. */
    private static String device(Way w, Device device) {
        if (w.python() != null) {
            return OvDeviceChoice.choose(device, w.python().devices(), w.python()::deviceType);
        }
        OpenVinoCore core = w.cApi().core();
        if (core == null) {
            if (device == Device.CPU) {
                return OvDeviceChoice.unchecked(device);
            }
            throw new DeviceUnavailableException("cannot query devices: " + w.cApi().coreFailure());
        }
        return OvDeviceChoice.choose(device, core.availableDevices(), core::deviceType);
    }

    @Override
    public GenerationSession open(Path modelFolder, SessionSettings settings) {
        Way w = way.get();
        String explicit = settings.providerOptions().get(DEVICE_OPTION);
        String device;
        if (explicit != null) {
            device = explicit;
        } else if (w.cApi() != null && w.cApi().core() == null) {
            device = OvDeviceChoice.unchecked(settings.device());
        } else {
            device = device(w, settings.device());
        }
        PipelineProperties properties = PipelineProperties.of(device, settings);
        if (w.python() != null) {
            return OvGenaiPythonSession.open(w.python(), version(), modelFolder, device, properties);
        }
        return OvGenaiCApiSession.open(w.cApi(), version(), modelFolder, device, properties);
    }
}
