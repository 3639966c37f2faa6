package dev.aipcbench.harness.runtime.npuacceleration;

import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.UnsupportedCombinationException;
import dev.aipcbench.harness.runtime.pythondriver.PythonInterpreter;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Intel's NPU Acceleration Library ({@code intel_npu_acceleration_library}, Python; archived upstream:
 * Intel no longer maintains it), driven through a Python process ({@link NpuGenerationSession}). It runs
 * Hugging Face causal-LM folders (model format {@code hf-transformers}) on Intel NPUs only, quantising
 * the weights while loading to the provider option {@code dtype}: fp16 (default), int8 or int4.
 *
 * <p>{@link #availability} runs the interpreter once per runtime ({@link NpuLibraryProbe}, 10 s at most):
 * the module must import and its {@code npu_available()} must be true. Other devices and fp32 are
 * unsupported.
 */
public final class NpuAccelerationLibraryRuntime implements InferenceRuntime {
    public static final String ID = "npu-acceleration-library";
    /** Provider option choosing the weight type the library quantises to. */
    public static final String DTYPE_OPTION = "dtype";
    /** System property naming the interpreter (else {@code AIPCBENCH_PYTHON}, else python3 on PATH). */
    public static final String PYTHON_PROPERTY = "aipcbench.npu.python";
    private static final Set<String> DTYPES = Set.of("fp16", "int8", "int4");

    private final PythonInterpreter python;
    private NpuLibraryProbe probe;

    /** Uses the interpreter named by {@code -Daipcbench.npu.python}, {@code AIPCBENCH_PYTHON}, or python3 on PATH. */
    public NpuAccelerationLibraryRuntime() {
        this(PythonInterpreter.locate(PYTHON_PROPERTY));
    }

    /** Uses the interpreter at {@code python}. */
    public NpuAccelerationLibraryRuntime(Path python) {
        this(PythonInterpreter.at(python));
    }

    private NpuAccelerationLibraryRuntime(PythonInterpreter python) {
        this.python = python;
    }

    private synchronized NpuLibraryProbe probe() {
        if (probe == null) {
            probe = NpuLibraryProbe.run(python);
        }
        return probe;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelFormat modelFormat() {
        return ModelFormat.HF_TRANSFORMERS;
    }

    @Override
    public String version() {
        NpuLibraryProbe p = probe();
        return p.importable() ? p.version() + " (archived upstream)" : notInstalled(p);
    }

    @Override
    public boolean installed() {
        return probe().importable();
    }

    @Override
    public List<String> providers() {
        NpuLibraryProbe p = probe();
        return p.importable() && p.npuAvailable() ? List.of("NPU") : List.of();
    }

    @Override
    public Availability availability(Device device, Precision precision) {
        if (device != Device.NPU) {
            return Availability.unsupported("the NPU acceleration library runs only on Intel NPUs");
        }
        if (precision == Precision.FP32) {
            return Availability.unsupported("the NPU acceleration library offers fp16, int8 and int4 weights, not fp32");
        }
        NpuLibraryProbe p = probe();
        if (!p.importable()) {
            return Availability.skipped(notInstalled(p));
        }
        if (!p.npuAvailable()) {
            return Availability.skipped("no NPU found: " + NpuLibraryProbe.MODULE + ".backend.npu_available() is False ("
                    + python.describe() + ")");
        }
        return Availability.available();
    }

    private static String notInstalled(NpuLibraryProbe p) {
        return "runtime library not installed: python module " + NpuLibraryProbe.MODULE + " not importable by python3 ("
                + p.problem() + ")";
    }

    @Override
    public GenerationSession open(Path modelFolder, SessionSettings settings) {
        if (settings.device() != Device.NPU) {
            throw new UnsupportedCombinationException("the NPU acceleration library runs only on Intel NPUs, not " + settings.device());
        }
        String dtype = settings.providerOptions().getOrDefault(DTYPE_OPTION, "fp16").toLowerCase(Locale.ROOT);
        if (!DTYPES.contains(dtype)) {
            throw new IllegalArgumentException("provider option dtype=" + dtype + ": expected fp16, int8 or int4");
        }
        NpuLibraryProbe p = probe();
        if (!p.importable()) {
            throw new DeviceUnavailableException(notInstalled(p));
        }
        return NpuGenerationSession.open(python, version(), modelFolder, dtype);
    }
}
