package dev.aipcbench.harness.runtime.nativelib;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.environment.ActivePython;
import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and loads a runtime's native library where users have it, in this order, and says where each
 * library came from:
 * <ol>
 *   <li>an explicit path: the runtime's system property, then its environment variable (a file, or a
 *       folder: the folder itself and the {@code lib/}, {@code bin/}, {@code runtime/lib/intel64/},
 *       {@code runtime/bin/intel64/Release/} and {@code build/bin/} of a release folder or archive);</li>
 *   <li>the suite's runtime environment ({@link RuntimeEnvironment}: the pinned wheels' site-packages, the
 *       npm prebuilts);</li>
 *   <li>the active Python environment's site-packages ({@link ActivePython});</li>
 *   <li>an OpenVINO archive set up by its {@code setupvars} ({@code $INTEL_OPENVINO_DIR}), for OpenVINO's
 *       libraries;</li>
 *   <li>the system paths: {@code jna.library.path}, {@code java.library.path}, the OS library path
 *       variable, then the system loader by name;</li>
 *   <li>a built-in copy, where the runtime ships one (llama.cpp).</li>
 * </ol>
 * A library's file may be versioned ({@code libopenvino_c.so.2641}, {@code libllama.v0.4.0.so}), so each
 * lookup names the file patterns it accepts. When nothing loads, the message names every place looked;
 * {@link #trail()} keeps the places tried, for {@code --verbose}.
 */
public final class NativeLibraryLookup {
    /**
     * Options every binding loads with: the C APIs bound here take UTF-8 paths and names, and every runtime
     * library opens {@code RTLD_LAZY | RTLD_LOCAL} (JNA's default is {@code RTLD_GLOBAL}). Runtimes built with
     * different compilers export their own copies of C++ template code: libopenvino exports std::regex's
     * {@code _Scanner<char>}, and in the global namespace de.kherud's libjllama bound it on load and aborted
     * ("free(): invalid pointer"); two libllama builds would likewise bind each other's functions. Local,
     * each library keeps its own, and a process (the tests, the agreement probe, {@code runtimes}) may hold
     * several runtimes at once.
     */
    public static final Map<String, Object> OPTIONS = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8",
            Library.OPTION_OPEN_FLAGS, Platform.isMac() ? 0x1 | 0x4 : 0x1);

    /** Subfolders of an explicit folder searched as a release folder or archive, after the folder itself. */
    private static final List<String> RELEASE_SUBFOLDERS = List.of("lib", "bin", "runtime/lib/intel64",
            "runtime/bin/intel64/Release", "build/bin");

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
    private final List<String> filePatterns;
    private final List<String> pythonFolders;
    private final List<String> npmFolders;
    private final boolean openVinoArchive;
    private final String fallbackLabel;
    private final Supplier<Path> fallback;
    private final List<String> trail = Collections.synchronizedList(new ArrayList<>());

    private NativeLibraryLookup(String name, String property, String environmentVariable, Path explicitPath,
                                List<String> filePatterns, List<String> pythonFolders, List<String> npmFolders,
                                boolean openVinoArchive, String fallbackLabel, Supplier<Path> fallback) {
        this.name = name;
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.explicitPath = explicitPath;
        this.filePatterns = List.copyOf(filePatterns);
        this.pythonFolders = List.copyOf(pythonFolders);
        this.npmFolders = List.copyOf(npmFolders);
        this.openVinoArchive = openVinoArchive;
        this.fallbackLabel = fallbackLabel;
        this.fallback = fallback;
    }

    /**
     * A lookup for the library JNA calls {@code name} (e.g. {@code llama}: libllama.so, llama.dll,
     * libllama.dylib), overridable by {@code -Dproperty=PATH} or the environment variable, searched in the
     * system paths; add the other places with the {@code in...} methods.
     */
    public static NativeLibraryLookup of(String name, String property, String environmentVariable) {
        return new NativeLibraryLookup(name, property, environmentVariable, null, List.of(System.mapLibraryName(name)),
                List.of(), List.of(), false, null, null);
    }

    /** A lookup that only tries {@code path} (a file, or a folder holding the library's file). */
    public static NativeLibraryLookup at(String name, Path path) {
        return new NativeLibraryLookup(name, null, null, path, List.of(System.mapLibraryName(name)), List.of(), List.of(),
                false, null, null);
    }

    /**
     * A lookup for a companion library (e.g. openvino_c beside openvino_genai_c): an explicit setting wins,
     * then the file in {@code folder}, then the usual places.
     */
    public static NativeLibraryLookup beside(Path folder, String name, String property, String environmentVariable) {
        NativeLibraryLookup usual = of(name, property, environmentVariable);
        if (folder != null && explicitSetting(property, environmentVariable) == null) {
            Path candidate = usual.firstMatch(folder);
            if (candidate != null) {
                return at(name, candidate);
            }
        }
        return usual;
    }

    /**
     * The file names this library may have, as glob patterns (e.g. {@code libopenvino_c.so*}); the
     * platform's plain name ({@link System#mapLibraryName}) is always accepted first.
     */
    public NativeLibraryLookup withFileNames(String... patterns) {
        List<String> all = new ArrayList<>(filePatterns);
        for (String p : patterns) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        return new NativeLibraryLookup(name, property, environmentVariable, explicitPath, all, pythonFolders, npmFolders,
                openVinoArchive, fallbackLabel, fallback);
    }

    /** Folders inside a site-packages where a wheel keeps the library (e.g. {@code openvino/libs}). */
    public NativeLibraryLookup inPythonPackages(String... folders) {
        return new NativeLibraryLookup(name, property, environmentVariable, explicitPath, filePatterns, List.of(folders),
                npmFolders, openVinoArchive, fallbackLabel, fallback);
    }

    /** Folders inside the suite's npm prefix's node_modules where a prebuilt keeps the library. */
    public NativeLibraryLookup inNpmPackages(String... folders) {
        return new NativeLibraryLookup(name, property, environmentVariable, explicitPath, filePatterns, pythonFolders,
                List.of(folders), openVinoArchive, fallbackLabel, fallback);
    }

    /** Also look in an OpenVINO archive set up with setupvars ({@code $INTEL_OPENVINO_DIR}). */
    public NativeLibraryLookup inOpenVinoArchive() {
        return new NativeLibraryLookup(name, property, environmentVariable, explicitPath, filePatterns, pythonFolders,
                npmFolders, true, fallbackLabel, fallback);
    }

    /**
     * A built-in copy tried last (e.g. one extracted from a jar): {@code file} returns its path, or throws
     * {@link DeviceUnavailableException} when there is none for this platform.
     */
    public NativeLibraryLookup withBuiltIn(String label, Supplier<Path> file) {
        return new NativeLibraryLookup(name, property, environmentVariable, explicitPath, filePatterns, pythonFolders,
                npmFolders, openVinoArchive, label, file);
    }

    /** The library's name as JNA knows it, e.g. {@code onnxruntime-genai}. */
    public String name() {
        return name;
    }

    /** The platform's file name, e.g. {@code libonnxruntime-genai.so}. */
    public String fileName() {
        return System.mapLibraryName(name);
    }

    /** The places the last {@link #load()} tried, in order, each with what it found: for {@code --verbose}. */
    public List<String> trail() {
        synchronized (trail) {
            return List.copyOf(trail);
        }
    }

    /**
     * Loads the library.
     *
     * @return the loaded library and where it came from
     * @throws DeviceUnavailableException naming where it looked when it is not found or does not load
     */
    public Found load() {
        Located where = locate();
        if (where.file() == null) {
            try {
                NativeLibrary library = NativeLibrary.getInstance(name, OPTIONS);
                LOADED.add(library);
                trail.add("the system loader: " + describe(library));
                return new Found(library, name, "the system loader (" + describe(library) + ")");
            } catch (UnsatisfiedLinkError e) {
                trail.add("the system loader: no " + fileName());
                throw notFound(where.looked(), "the system loader's default paths");
            }
        }
        return loadFile(where.file(), where.origin());
    }

    /**
     * Finds the library's file without loading it, for libraries that need something prepared before
     * they are opened (onnxruntime-genai reads {@code ORT_LIB_PATH} as it loads). A null file means only
     * the system loader is left to try, by name.
     */
    public Located locate() {
        trail.clear();
        if (explicitPath != null) {
            return locateExplicit(explicitPath, "the path given to the runtime");
        }
        String[] explicit = explicitSetting(property, environmentVariable);
        if (explicit != null) {
            return locateExplicit(Path.of(explicit[0]), explicit[1]);
        }
        List<String> looked = new ArrayList<>();
        if (property != null) {
            looked.add("-D" + property + " and " + environmentVariable + " unset");
        }
        for (Place place : places()) {
            Path file = firstMatch(place.folder());
            trail.add(place.label() + ": " + place.folder() + (file == null ? " (no " + patternsText() + ")" : " -> " + file.getFileName()));
            if (file != null) {
                return new Located(file, place.label() + " " + file.toAbsolutePath(), looked);
            }
        }
        looked.add(placesText());
        if (fallback != null && !systemLoaderFinds()) {
            try {
                Path file = fallback.get();
                trail.add(fallbackLabel + ": " + file);
                return new Located(file, fallbackLabel + " " + file.toAbsolutePath(), looked);
            } catch (DeviceUnavailableException e) {
                trail.add(fallbackLabel + ": " + e.getMessage());
                looked.add(fallbackLabel + " (" + e.getMessage() + ")");
            }
        }
        return new Located(null, "the system loader", looked);
    }

    /**
     * Whether the system loader has the library by name: a system install is preferred to the built-in copy.
     * This opens the library (kept, as every library loaded), so it is asked only where a built-in exists.
     */
    private boolean systemLoaderFinds() {
        try {
            NativeLibrary library = NativeLibrary.getInstance(name, OPTIONS);
            LOADED.add(library);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    private DeviceUnavailableException notFound(List<String> looked, String last) {
        List<String> all = new ArrayList<>(looked);
        all.add(last);
        return new DeviceUnavailableException("runtime library not installed: " + name + " (" + patternsText()
                + ") not found (looked in " + String.join("; ", all) + "); run-bench runtimes install sets it up");
    }

    /**
     * Where a library's file is.
     *
     * @param file   the file, or null when only the system loader is left to try by name
     * @param origin where it was found and how, for results and messages
     * @param looked the places looked in before, for the message when nothing loads
     */
    public record Located(Path file, String origin, List<String> looked) {
        public Located {
            looked = List.copyOf(looked);
        }
    }

    /** A folder to search, with the label a user reads in results ("the suite's runtime environment"). */
    private record Place(String label, Path folder) {
    }

    private List<Place> places() {
        List<Place> out = new ArrayList<>();
        RuntimeEnvironment suite = RuntimeEnvironment.current();
        suite.sitePackages().ifPresent(site -> pythonFolders.forEach(f -> out.add(new Place("the suite's runtime environment", site.resolve(f)))));
        for (String f : npmFolders) {
            out.add(new Place("the suite's runtime environment (npm)", suite.npm().resolve("node_modules").resolve(f)));
        }
        if (!pythonFolders.isEmpty()) {
            for (Path site : ActivePython.sitePackages()) {
                if (suite.sitePackages().map(site::equals).orElse(false)) {
                    continue;
                }
                pythonFolders.forEach(f -> out.add(new Place("the active Python environment", site.resolve(f))));
            }
        }
        if (openVinoArchive) {
            String dir = System.getenv("INTEL_OPENVINO_DIR");
            if (dir != null && !dir.isBlank()) {
                out.add(new Place("the OpenVINO archive ($INTEL_OPENVINO_DIR)", Path.of(dir.trim()).resolve(Platform.isWindows()
                        ? "runtime/bin/intel64/Release" : "runtime/lib/intel64")));
            }
        }
        addFolders(out, "jna.library.path", System.getProperty("jna.library.path"));
        addFolders(out, "java.library.path", System.getProperty("java.library.path"));
        String osVariable = osLibraryPathVariable();
        addFolders(out, osVariable, System.getenv(osVariable));
        return out;
    }

    private String placesText() {
        List<String> kinds = new ArrayList<>();
        if (!pythonFolders.isEmpty() || !npmFolders.isEmpty()) {
            kinds.add("the suite's runtime environment " + RuntimeEnvironment.current().root());
        }
        if (!pythonFolders.isEmpty()) {
            kinds.add("the active Python environment's site-packages " + pythonFolders);
        }
        if (openVinoArchive) {
            kinds.add("$INTEL_OPENVINO_DIR" + (System.getenv("INTEL_OPENVINO_DIR") == null ? " (unset)" : ""));
        }
        for (String label : new String[] {"jna.library.path", "java.library.path", osLibraryPathVariable()}) {
            String value = label.contains(".") ? System.getProperty(label) : System.getenv(label);
            kinds.add(label + (split(value).isEmpty() ? " (unset)" : " " + split(value)));
        }
        return String.join(", ", kinds);
    }

    private static void addFolders(List<Place> out, String label, String pathList) {
        for (String folder : split(pathList)) {
            out.add(new Place(label, Path.of(folder)));
        }
    }

    /** The first file in {@code folder} whose name matches one of the patterns (in pattern order), or null. */
    private Path firstMatch(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return null;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return null;
        }
        for (String pattern : filePatterns) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            for (Path f : files) {
                if (m.matches(f.getFileName())) {
                    return f;
                }
            }
        }
        return null;
    }

    private String patternsText() {
        return String.join(" or ", filePatterns);
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

    private Located locateExplicit(Path path, String source) {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = firstMatch(path);
            for (int i = 0; file == null && i < RELEASE_SUBFOLDERS.size(); i++) {
                file = firstMatch(path.resolve(RELEASE_SUBFOLDERS.get(i)));
            }
        }
        trail.add(source + ": " + path + (file == null ? " (no " + patternsText() + ")" : " -> " + file));
        if (file == null || !Files.isRegularFile(file)) {
            String where = Files.isDirectory(path) ? path.toAbsolutePath() + " (or its " + String.join(", ", RELEASE_SUBFOLDERS) + ")"
                    : path.toAbsolutePath().toString();
            throw new DeviceUnavailableException("runtime library not installed: " + name + " (" + patternsText()
                    + ") not found at " + where + " (from " + source + ")");
        }
        return new Located(file, "path " + file.toAbsolutePath() + " (from " + source + ")", List.of());
    }

    /** Loads a file {@link #locate()} found. */
    public Found loadFile(Path file, String origin) {
        String absolute = file.toAbsolutePath().toString();
        try {
            NativeLibrary library = NativeLibrary.getInstance(absolute, OPTIONS);
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
     * @param origin   where it was found and how, for results and messages
     */
    public record Found(NativeLibrary library, String loadName, String origin) {
        /** The folder the library file is in, when known. */
        public Path folder() {
            File file = library.getFile();
            return file == null || file.getParentFile() == null ? null : file.getParentFile().toPath();
        }

        /** The library's file, when known. */
        public Path file() {
            File file = library.getFile();
            return file == null ? null : file.toPath();
        }
    }
}
