package dev.aipcbench.harness.runtime.nativelib;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and loads a runtime's native library the way the suite documents it: an explicit path (a system
 * property, then an environment variable; a folder means the library's file inside it), else the folders
 * of {@code jna.library.path}, {@code java.library.path} and the OS library path variable, else the
 * system loader by name. When nothing loads, the message names every place looked, so a skipped cell
 * tells the user what to install or set.
 *
 * <p>Shared by the three JNA runtimes (onnxruntime-genai, OpenVINO GenAI, llama.cpp); it lives here only
 * because runtime packages own their files.
 */
public final class NativeLibraryLookup {
    /** Options every binding loads with: the C APIs bound here take UTF-8 paths and names. */
    public static final Map<String, Object> OPTIONS = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");

    /**
     * {@link #OPTIONS}, opened {@code RTLD_LAZY | RTLD_LOCAL} (JNA opens {@code RTLD_GLOBAL} by default): for
     * a library of which a process may load two builds (libllama from two llama.cpp versions), which would
     * otherwise bind each other's exported functions and crash. (Added for llama.cpp; see {@link #withOptions}.)
     */
    public static final Map<String, Object> LOCAL_OPTIONS = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8",
            Library.OPTION_OPEN_FLAGS, Platform.isMac() ? 0x1 | 0x4 : 0x1);

    /**
     * Every library loaded, held for the life of the process: JNA closes a library whose handle is
     * collected, and a reopened libllama or onnxruntime-genai would have lost its process-wide state
     * (registered backends, the ONNX Runtime environment).
     */
    private static final Set<NativeLibrary> LOADED = ConcurrentHashMap.newKeySet();

    private final String name;
    private final String property;
    private final String environmentVariable;
    private final Path explicitPath;
    private final Map<String, Object> options;

    private NativeLibraryLookup(String name, String property, String environmentVariable, Path explicitPath) {
        this(name, property, environmentVariable, explicitPath, OPTIONS);
    }

    private NativeLibraryLookup(String name, String property, String environmentVariable, Path explicitPath,
                                Map<String, Object> options) {
        this.name = name;
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.explicitPath = explicitPath;
        this.options = options;
    }

    /** This lookup, loading with {@code options} (e.g. {@link #LOCAL_OPTIONS}) instead of {@link #OPTIONS}. */
    public NativeLibraryLookup withOptions(Map<String, Object> options) {
        return new NativeLibraryLookup(name, property, environmentVariable, explicitPath, Map.copyOf(options));
    }

    /**
     * A lookup for the library JNA calls {@code name} (e.g. {@code llama}: libllama.so, llama.dll,
     * libllama.dylib), overridable by {@code -Dproperty=PATH} or the environment variable.
     */
    public static NativeLibraryLookup of(String name, String property, String environmentVariable) {
        return new NativeLibraryLookup(name, property, environmentVariable, null);
    }

    /** A lookup that only tries {@code path} (a file, or a folder holding the library's file). */
    public static NativeLibraryLookup at(String name, Path path) {
        return new NativeLibraryLookup(name, null, null, path);
    }

    /** The library's name as JNA knows it, e.g. {@code onnxruntime-genai}. */
    public String name() {
        return name;
    }

    /** The platform's file name, e.g. {@code libonnxruntime-genai.so}. */
    public String fileName() {
        return System.mapLibraryName(name);
    }

    /**
     * A lookup for a companion library (e.g. openvino_c beside openvino_genai_c): an explicit setting wins,
     * then the file in {@code folder}, then the usual places.
     */
    public static NativeLibraryLookup beside(Path folder, String name, String property, String environmentVariable) {
        Path candidate = folder == null ? null : folder.resolve(System.mapLibraryName(name));
        if (candidate != null && Files.isRegularFile(candidate) && explicitSetting(property, environmentVariable) == null) {
            return at(name, candidate);
        }
        return of(name, property, environmentVariable);
    }

    /**
     * Loads the library.
     *
     * @return the loaded library and where it came from
     * @throws DeviceUnavailableException naming where it looked when it is not found or does not load
     */
    public Found load() {
        if (explicitPath != null) {
            return loadExplicit(explicitPath, "the path given to the runtime");
        }
        String[] explicit = explicitSetting(property, environmentVariable);
        if (explicit != null) {
            return loadExplicit(Path.of(explicit[0]), explicit[1]);
        }
        Map<String, List<String>> searched = new LinkedHashMap<>();
        searched.put("jna.library.path", split(System.getProperty("jna.library.path")));
        searched.put("java.library.path", split(System.getProperty("java.library.path")));
        String osVariable = osLibraryPathVariable();
        searched.put(osVariable, split(System.getenv(osVariable)));
        for (List<String> folders : searched.values()) {
            for (String folder : folders) {
                Path candidate = Path.of(folder).resolve(fileName());
                if (Files.isRegularFile(candidate)) {
                    return loadFile(candidate, candidate.toAbsolutePath().toString());
                }
            }
        }
        try {
            NativeLibrary library = NativeLibrary.getInstance(name, options);
            LOADED.add(library);
            return new Found(library, name, "the system loader (" + describe(library) + ")");
        } catch (UnsatisfiedLinkError e) {
            StringBuilder where = new StringBuilder();
            searched.forEach((label, folders) -> where.append(label).append(folders.isEmpty() ? " (unset)" : " " + folders).append(", "));
            where.append("the system loader's default paths");
            if (property != null) {
                where.append("; -D").append(property).append(" and ").append(environmentVariable).append(" unset");
            }
            throw new DeviceUnavailableException("runtime library not installed: " + name + " (" + fileName()
                    + ") not found (looked in " + where + ")");
        }
    }

    private static String[] explicitSetting(String property, String environmentVariable) {
        if (property != null) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return new String[] {value.trim(), "-D" + property};
            }
        }
        if (environmentVariable != null) {
            String value = System.getenv(environmentVariable);
            if (value != null && !value.isBlank()) {
                return new String[] {value.trim(), "environment variable " + environmentVariable};
            }
        }
        return null;
    }

    private Found loadExplicit(Path path, String source) {
        Path file = Files.isDirectory(path) ? path.resolve(fileName()) : path;
        if (!Files.isRegularFile(file)) {
            throw new DeviceUnavailableException("runtime library not installed: " + name + " not found at "
                    + file.toAbsolutePath() + " (from " + source + ")");
        }
        return loadFile(file, "path " + file.toAbsolutePath() + " (from " + source + ")");
    }

    private Found loadFile(Path file, String origin) {
        String absolute = file.toAbsolutePath().toString();
        try {
            NativeLibrary library = NativeLibrary.getInstance(absolute, options);
            LOADED.add(library);
            return new Found(library, absolute, origin);
        } catch (UnsatisfiedLinkError e) {
            throw new DeviceUnavailableException("runtime library cannot be loaded: " + absolute + ": " + firstLine(e.getMessage())
                    + " (a missing dependency, or built for another CPU architecture)");
        }
    }

    private static String describe(NativeLibrary library) {
        File file = library.getFile();
        return file == null ? library.getName() : file.getAbsolutePath();
    }

    private static String osLibraryPathVariable() {
        if (Platform.isWindows()) {
            return "PATH";
        }
        return Platform.isMac() ? "DYLD_LIBRARY_PATH" : "LD_LIBRARY_PATH";
    }

    private static List<String> split(String pathList) {
        List<String> out = new ArrayList<>();
        if (pathList == null) {
            return out;
        }
        for (String part : pathList.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                out.add(part);
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * A loaded library.
     *
     * @param library  JNA's handle, for symbol checks
     * @param loadName what to pass to {@code Native.load} to bind an interface to the same library
     * @param origin   where it was found, for results and messages
     */
    public record Found(NativeLibrary library, String loadName, String origin) {
        /** The folder the library file is in, when known. */
        public Path folder() {
            File file = library.getFile();
            return file == null || file.getParentFile() == null ? null : file.getParentFile().toPath();
        }
    }
}
