package dev.aipcbench.harness.runtime.environment;

import dev.aipcbench.harness.process.BoundedCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The site-packages folders of the Python environment the user has active, where pip-installed runtimes
 * (onnxruntime-genai, openvino, ...) keep their native libraries: {@code $VIRTUAL_ENV}, {@code $CONDA_PREFIX},
 * then what the {@code python3} (or {@code python}) on the PATH reports through {@code sysconfig} and
 * {@code site} (its own prefix and the user site). Asked once per process, with a timeout, because a
 * Python start costs tens of milliseconds.
 */
public final class ActivePython {
    private static final long TIMEOUT_SECONDS = 10;
    private static final String QUERY = "import site,sysconfig;p=sysconfig.get_paths();"
            + "print(p['purelib']);print(p['platlib']);print(site.getusersitepackages())";
    private static volatile List<Path> cached;

    private ActivePython() {
    }

    /** Existing site-packages folders, most specific first, without duplicates. */
    public static List<Path> sitePackages() {
        List<Path> c = cached;
        if (c == null) {
            c = find();
            cached = c;
        }
        return c;
    }

    private static List<Path> find() {
        Set<Path> out = new LinkedHashSet<>();
        for (String variable : new String[] {"VIRTUAL_ENV", "CONDA_PREFIX"}) {
            String prefix = System.getenv(variable);
            if (prefix != null && !prefix.isBlank()) {
                RuntimeEnvironment.sitePackagesOf(Path.of(prefix.trim())).ifPresent(out::add);
            }
        }
        for (String interpreter : new String[] {"python3", "python"}) {
            List<String> lines = ask(interpreter);
            if (!lines.isEmpty()) {
                for (String line : lines) {
                    Path p = Path.of(line.trim());
                    if (!line.isBlank() && Files.isDirectory(p)) {
                        out.add(p.toAbsolutePath().normalize());
                    }
                }
                break;
            }
        }
        return List.copyOf(out);
    }

    private static List<String> ask(String interpreter) {
        BoundedCommand.Result r = BoundedCommand.run(List.of(interpreter, "-c", QUERY), Duration.ofSeconds(TIMEOUT_SECONDS));
        if (!r.ok()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : r.output().split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
