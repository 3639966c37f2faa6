package dev.aipcbench.harness.runtime.genai;

import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.runtime.nativelib.LoadedOnce;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import dev.aipcbench.harness.runtime.nativelib.NativeSymbols;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * The onnxruntime-genai native library ({@code onnxruntime-genai}: libonnxruntime-genai.so,
 * onnxruntime-genai.dll, libonnxruntime-genai.dylib) through its C API, stepped by the suite's loop
 * ({@link OgaGenerationSession}). The library is found by {@link NativeLibraryLookup}: {@code
 * -Daipcbench.genai.library=PATH}, else {@code ORT_GENAI_LIBRARY} (a file, or a release folder), else the
 * pip wheel in the suite's runtime environment or the active Python environment
 * ({@code site-packages/onnxruntime_genai/}), else the library paths and the system loader. It is loaded
 * once per instance, on first use, after the ONNX Runtime it runs on ({@link OrtLibraryForGenai}).
 *
 * <p>genai's C API can neither report its version (the wheel's dist-info does, when it came from one) nor
 * list the execution providers its onnxruntime has:
 * {@link #availability} checks the library and maps the device to a provider ({@link OgaProvider}); a
 * provider that turns out to be missing is reported when the model is created, which
 * {@link OgaGenerationSession#open} turns into {@link DeviceUnavailableException} (a skipped cell) when
 * genai's message names the provider.
 */
public final class OrtGenaiRuntime implements InferenceRuntime {
    public static final String ID = "onnxruntime-genai";
    public static final String LIBRARY_NAME = "onnxruntime-genai";
    public static final String LIBRARY_PROPERTY = "aipcbench.genai.library";
    public static final String LIBRARY_ENV = "ORT_GENAI_LIBRARY";

    private final NativeLibraryLookup lookup;
    private final LoadedOnce<OgaBinding> binding;

    /** Finds the library by property, environment variable, library paths, then the system loader. */
    public OrtGenaiRuntime() {
        this(NativeLibraryLookup.of(LIBRARY_NAME, LIBRARY_PROPERTY, LIBRARY_ENV).inPythonPackages(PYTHON_PACKAGE));
    }

    /** Where the pip wheels (onnxruntime-genai, -directml, -cuda) keep the library inside site-packages. */
    static final String PYTHON_PACKAGE = "onnxruntime_genai";

    /** Uses the library at {@code library} (a file, or a folder holding it) and nothing else. */
    public OrtGenaiRuntime(Path library) {
        this(NativeLibraryLookup.at(LIBRARY_NAME, library));
    }

    private OrtGenaiRuntime(NativeLibraryLookup lookup) {
        this.lookup = lookup;
        this.binding = new LoadedOnce<>(() -> OgaBinding.load(lookup));
    }

    private OgaBinding binding() {
        return binding.get();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelFormat modelFormat() {
        return ModelFormat.ONNX_GENAI;
    }

    @Override
    public String version() {
        return binding.describe(b -> b.version() != null ? b.version()
                : "unknown (the onnxruntime-genai C API has no version call; loaded from " + b.location() + ")");
    }

    @Override
    public String location() {
        return binding.describe(OgaBinding::location);
    }

    @Override
    public List<String> searchTrail() {
        return lookup.trail();
    }

    @Override
    public boolean installed() {
        return binding.loads();
    }

    /** Only CPU is known: genai's C API does not list the providers its onnxruntime was built with. */
    @Override
    public List<String> providers() {
        return installed() ? List.of(OgaProvider.CPU) : List.of();
    }

    @Override
    public Availability availability(Device device, Precision precision) {
        OgaBinding b;
        try {
            b = binding();
        } catch (DeviceUnavailableException e) {
            return Availability.skipped(e.getMessage());
        }
        return b.missingProvider(OgaProvider.forDevice(device, java.util.Map.of(), null)).map(Availability::skipped)
                .orElse(Availability.available());
    }

    @Override
    public GenerationSession open(Path modelFolder, SessionSettings settings) {
        OgaBinding b = binding();
        return OgaGenerationSession.open(b, version(), modelFolder, settings);
    }
}
