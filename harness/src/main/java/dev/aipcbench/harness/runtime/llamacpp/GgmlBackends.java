package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * ggml's backends and devices as a libllama build has them. Builds with the backends linked in (the
 * built-in one) register them on first use; builds that load them dynamically (llama.cpp's release
 * binaries, the npm prebuilts: {@code libggml-cpu-<variant>.so} per CPU family, {@code libggml-vulkan.so}
 * ...) register none until asked, and llama.cpp then refuses every model ("no backends are loaded").
 * {@link #load()} asks: {@code ggml_backend_load_all_from_path(<libllama's folder>)}, where a build keeps
 * its backends, which loads the best CPU variant and every GPU backend there; else
 * {@code ggml_backend_load_all()}, which looks beside the executable (java's, so rarely useful).
 *
 * <p>ggml's functions are looked up in libllama (whose dependencies the Linux and macOS loaders search)
 * and in {@code ggml} and {@code ggml-base} beside it (Windows looks only in the library named).
 */
final class GgmlBackends {
    private static final String CPU_VARIANT_PREFIX = "libggml-cpu-";

    private final Path folder;
    private final Function loadAllFromPath;
    private final Function loadAll;
    private final Function count;
    private final Function get;
    private final Function name;
    private final Function description;

    GgmlBackends(NativeLibraryLookup.Found llama) {
        folder = llama.folder();
        List<NativeLibrary> places = new ArrayList<>();
        places.add(llama.library());
        for (String sibling : new String[] {"ggml", "ggml-base"}) {
            Path file = folder == null ? null : folder.resolve(System.mapLibraryName(sibling));
            if (file != null && Files.isRegularFile(file)) {
                try {
                    places.add(NativeLibrary.getInstance(file.toString(), NativeLibraryLookup.OPTIONS));
                } catch (UnsatisfiedLinkError e) {
                    // an unloadable ggml beside libllama only costs what is looked up in it
                }
            }
        }
        loadAllFromPath = find(places, "ggml_backend_load_all_from_path");
        loadAll = find(places, "ggml_backend_load_all");
        count = find(places, "ggml_backend_dev_count");
        get = find(places, "ggml_backend_dev_get");
        name = find(places, "ggml_backend_dev_name");
        description = find(places, "ggml_backend_dev_description");
    }

    private static Function find(List<NativeLibrary> places, String function) {
        for (NativeLibrary place : places) {
            try {
                return place.getFunction(function);
            } catch (UnsatisfiedLinkError e) {
                // try the next library
            }
        }
        return null;
    }

    /**
     * Loads the dynamic backends when none is registered yet (once per process and library: ggml would
     * register a backend loaded twice twice).
     *
     * @return how the backends came: {@code linked in}, {@code loaded from <folder>}, ...
     * @throws DeviceUnavailableException when the build loads its backends dynamically and none loaded
     */
    String load() {
        if (count == null) {
            return "unknown (this build has no ggml device API)";
        }
        if (deviceCount() > 0) {
            return "linked in";
        }
        String how;
        if (loadAllFromPath != null && folder != null) {
            loadAllFromPath.invokeVoid(new Object[] {folder.toString()});
            how = "loaded from " + folder;
        } else if (loadAll != null) {
            loadAll.invokeVoid(new Object[0]);
            how = "loaded by ggml_backend_load_all()";
        } else {
            how = "none linked in, and no ggml_backend_load_all to load them";
        }
        if (deviceCount() == 0) {
            throw new DeviceUnavailableException("runtime library not usable: the llama.cpp at " + (folder == null ? "?" : folder)
                    + " loads its ggml backends dynamically and none loaded (" + how + "; its libggml-cpu-*"
                    + (Platform.isWindows() ? ".dll" : Platform.isMac() ? ".dylib" : ".so") + " files belong beside it)");
        }
        return how;
    }

    private long deviceCount() {
        return count.invokeLong(new Object[0]);
    }

    /** ggml's devices as {@code name (description)}, e.g. {@code CPU (AMD EPYC 7B13)}, {@code Vulkan0 (Intel(R) Arc(TM) Graphics)}. */
    List<String> devices() {
        List<String> out = new ArrayList<>();
        if (count == null || get == null || name == null) {
            return out;
        }
        long n = deviceCount();
        for (long i = 0; i < n; i++) {
            Pointer device = get.invokePointer(new Object[] {i});
            String text = name.invokeString(new Object[] {device}, false);
            if (description != null) {
                text += " (" + description.invokeString(new Object[] {device}, false) + ")";
            }
            out.add(text);
        }
        return out;
    }

    /**
     * The CPU backend variant loaded from this build's folder, e.g. {@code haswell} for
     * {@code libggml-cpu-haswell.so}, read from the process's mapped files (Linux only); empty when the CPU
     * backend is linked in or the OS does not say.
     */
    Optional<String> cpuVariant() {
        Path maps = Path.of("/proc/self/maps");
        if (folder == null || !Files.isReadable(maps)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(maps)) {
            String prefix = folder.toRealPath().resolve(CPU_VARIANT_PREFIX).toString();
            return lines.map(l -> l.indexOf('/') < 0 ? "" : l.substring(l.indexOf('/')))
                    .filter(p -> p.startsWith(prefix)).findFirst()
                    .map(p -> p.substring(prefix.length()).replaceFirst("\\.so.*$", ""));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
