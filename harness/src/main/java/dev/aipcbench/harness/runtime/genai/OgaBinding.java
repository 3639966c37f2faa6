package dev.aipcbench.harness.runtime.genai;

import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import dev.aipcbench.harness.runtime.nativelib.NativeSymbols;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.environment.InstalledWheel;

/**
 * onnxruntime-genai as loaded here: the JNA binding, what this build offers beyond the functions the
 * suite requires, and the one place {@code OgaResult*} errors become exceptions.
 *
 * <p>Required: the {@code OgaGenerator_AppendTokens} generation of the C API (config, providers, model,
 * generator params, generator, next tokens). Optional: {@code OgaGenerator_RewindTo} (truncation; without
 * it a prefill recreates the generator), {@code OgaGenerator_GetLogits} and the tensor accessors (logits),
 * {@code OgaConfigOverlay} (threads and optimisation level), {@code OgaModelGetDeviceType},
 * {@code OgaGeneratorParamsGetSearch*} (the search options read back for results).
 */
public final class OgaBinding {
    private static final String[] REQUIRED = {
        "OgaResultGetError", "OgaDestroyResult", "OgaCreateConfig", "OgaConfigClearProviders",
        "OgaConfigAppendProvider", "OgaConfigSetProviderOption", "OgaDestroyConfig", "OgaCreateModelFromConfig",
        "OgaDestroyModel", "OgaCreateGeneratorParams", "OgaGeneratorParamsSetSearchNumber",
        "OgaGeneratorParamsSetSearchBool", "OgaDestroyGeneratorParams", "OgaCreateGenerator", "OgaDestroyGenerator",
        "OgaGenerator_AppendTokens", "OgaGenerator_GenerateNextToken", "OgaGenerator_GetNextTokens"};
    private static final String[] LOGITS = {
        "OgaGenerator_GetLogits", "OgaTensorGetType", "OgaTensorGetShapeRank", "OgaTensorGetShape",
        "OgaTensorGetData", "OgaDestroyTensor"};

    private final OgaLibrary library;
    private final String location;
    private final String version;
    private final OrtLibraryForGenai.Prepared onnxRuntime;
    private final java.nio.file.Path folder;
    private final boolean rewind;
    private final boolean logits;
    private final boolean overlay;
    private final boolean deviceType;
    private final boolean searchReadBack;

    private OgaBinding(OgaLibrary library, NativeLibraryLookup.Found found, NativeSymbols symbols, OrtLibraryForGenai.Prepared onnxRuntime) {
        this.library = library;
        this.location = found.origin();
        this.version = found.folder() == null ? null : InstalledWheel.sitePackagesAbove(found.folder())
                .flatMap(site -> InstalledWheel.version(site, "onnxruntime-genai")).orElse(null);
        this.onnxRuntime = onnxRuntime;
        this.folder = found.folder();
        this.rewind = symbols.has("OgaGenerator_RewindTo");
        boolean allLogits = true;
        for (String f : LOGITS) {
            allLogits &= symbols.has(f);
        }
        this.logits = allLogits;
        this.overlay = symbols.has("OgaConfigOverlay");
        this.deviceType = symbols.has("OgaModelGetDeviceType") && symbols.has("OgaDestroyString");
        this.searchReadBack = symbols.has("OgaGeneratorParamsGetSearchNumber") && symbols.has("OgaGeneratorParamsGetSearchBool");
    }

    /**
     * Loads the library and checks its functions.
     *
     * @throws DeviceUnavailableException when it is not found, does not load, or lacks a required function
     */
    public static OgaBinding load(NativeLibraryLookup lookup) {
        if (Native.POINTER_SIZE != 8) {
            throw new DeviceUnavailableException("runtime library not usable: the onnxruntime-genai binding needs a 64-bit JVM");
        }
        NativeLibraryLookup.Located where = lookup.locate();
        OrtLibraryForGenai.Prepared onnxRuntime = OrtLibraryForGenai.prepare(where.file() == null ? null : where.file().toAbsolutePath().getParent());
        NativeLibraryLookup.Found found = where.file() == null ? lookup.load() : lookup.loadFile(where.file(), where.origin());
        NativeSymbols symbols = new NativeSymbols(found.library(), found.loadName());
        symbols.require("the OgaGenerator_AppendTokens generation of the onnxruntime-genai C API", REQUIRED);
        OgaLibrary library = Native.load(found.loadName(), OgaLibrary.class, NativeLibraryLookup.OPTIONS);
        return new OgaBinding(library, found, symbols, onnxRuntime);
    }

    public OgaLibrary library() {
        return library;
    }

    /** The pip wheel's version, when the library came from one; null otherwise (the C API has no version call). */
    public String version() {
        return version;
    }

    /** Which ONNX Runtime genai runs on and how it was found. */
    public String onnxRuntime() {
        return onnxRuntime.description();
    }

    /**
     * Why {@code provider} cannot run here, when the files its build would ship are absent: genai's CUDA
     * interface beside genai, DirectML or the OpenVINO provider beside its ONNX Runtime. Empty when present,
     * or when nothing tells (other providers are checked when the model is created).
     */
    public java.util.Optional<String> missingProvider(OgaProvider provider) {
        return provider.missingFiles(folder, onnxRuntime.folder());
    }

    /** Where the library was loaded from. */
    public String location() {
        return location;
    }

    public boolean hasRewind() {
        return rewind;
    }

    public boolean hasLogits() {
        return logits;
    }

    public boolean hasOverlay() {
        return overlay;
    }

    public boolean hasDeviceType() {
        return deviceType;
    }

    /** Whether the search options can be read back ({@code OgaGeneratorParamsGetSearch*}). */
    public boolean hasSearchReadBack() {
        return searchReadBack;
    }

    /** Throws {@link OgaException} when {@code result} (an {@code OgaResult*}) is an error, freeing it. */
    public void check(Pointer result, String call) {
        if (result == null) {
            return;
        }
        String message;
        try {
            message = library.OgaResultGetError(result);
        } finally {
            library.OgaDestroyResult(result);
        }
        throw new OgaException(call, message);
    }
}
