package dev.aipcbench.harness.runtime.environment;

import com.sun.jna.Platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The pinned packages of the suite's runtime environment, read from the two lists beside this class
 * ({@code python-requirements.txt}, {@code npm-packages.txt}): the one place their versions are stated.
 */
public final class PinnedPackages {
    /** A pip requirement ({@code onnxruntime-genai==0.18.0}) and the runtime it serves. */
    public record PythonPackage(String runtime, String requirement) {
        /** The distribution's name, e.g. {@code onnxruntime-genai}. */
        public String name() {
            int i = requirement.indexOf("==");
            return i < 0 ? requirement : requirement.substring(0, i);
        }

        /** The pinned version. */
        public String version() {
            int i = requirement.indexOf("==");
            return i < 0 ? "" : requirement.substring(i + 2);
        }
    }

    /** An npm package ({@code @node-llama-cpp/linux-x64@3.21.1}) for one platform, and the runtime it serves. */
    public record NpmPackage(String runtime, String platform, String spec) {
        public String name() {
            int i = spec.lastIndexOf('@');
            return i <= 0 ? spec : spec.substring(0, i);
        }

        public String version() {
            int i = spec.lastIndexOf('@');
            return i <= 0 ? "" : spec.substring(i + 1);
        }
    }

    private final List<PythonPackage> python;
    private final List<NpmPackage> npm;

    private PinnedPackages(List<PythonPackage> python, List<NpmPackage> npm) {
        this.python = List.copyOf(python);
        this.npm = List.copyOf(npm);
    }

    public static PinnedPackages load() {
        List<PythonPackage> python = new ArrayList<>();
        for (String[] f : rows("python-requirements.txt", 2)) {
            python.add(new PythonPackage(f[0], f[1]));
        }
        List<NpmPackage> npm = new ArrayList<>();
        for (String[] f : rows("npm-packages.txt", 3)) {
            npm.add(new NpmPackage(f[0], f[1], f[2]));
        }
        return new PinnedPackages(python, npm);
    }

    public List<PythonPackage> python() {
        return python;
    }

    public List<NpmPackage> npm() {
        return npm;
    }

    /** The npm packages for this machine's platform. */
    public List<NpmPackage> npmForThisPlatform() {
        String platform = platform();
        return npm.stream().filter(p -> p.platform().equals(platform)).toList();
    }

    /** The runtimes the lists serve, in list order. */
    public Set<String> runtimes() {
        Set<String> out = new LinkedHashSet<>();
        python.forEach(p -> out.add(p.runtime()));
        npm.forEach(p -> out.add(p.runtime()));
        return out;
    }

    /** {@code linux-amd64}, {@code windows-aarch64}, {@code mac-aarch64}: the names the npm list uses. */
    public static String platform() {
        String os = Platform.isWindows() ? "windows" : Platform.isMac() ? "mac" : "linux";
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        arch = arch.equals("x86_64") ? "amd64" : arch.equals("arm64") ? "aarch64" : arch;
        return os + "-" + arch;
    }

    private static List<String[]> rows(String resource, int fields) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = PinnedPackages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the suite's jar lacks its pinned list " + resource);
            }
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("\\s+");
                if (f.length != fields) {
                    throw new IllegalStateException(resource + " line " + n + ": expected " + fields + " fields, found '" + t + "'");
                }
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
