package dev.aipcbench.harness.runtime.environment;

import dev.aipcbench.results.Json;
import dev.aipcbench.harness.process.BoundedCommand;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.time.Duration;

/**
 * {@code run-bench runtimes install}: makes the suite's runtime environment ({@link RuntimeEnvironment}) and
 * installs the pinned packages ({@link PinnedPackages}) of the runtimes asked for, one line per package.
 * Idempotent: a package already at its pinned version is left alone. Wheels only ({@code --only-binary}):
 * a package with no build for this platform is refused at once by the index, in one line, instead of
 * compiling for an hour; the other packages still install.
 */
public final class RuntimeInstaller {
    private static final long PIP_TIMEOUT_MINUTES = 20;
    private static final long NPM_TIMEOUT_MINUTES = 10;

    /** How one package ended. */
    public enum Result { INSTALLED, ALREADY, REFUSED }

    /** One package's line. */
    public record Outcome(String runtime, String spec, Result result, String detail) {
    }

    private final RuntimeEnvironment env;
    private final PrintStream out;

    public RuntimeInstaller(RuntimeEnvironment env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    /** Installs the packages of {@code runtimes} (the ids in the pinned lists), reporting each. */
    public List<Outcome> install(Collection<String> runtimes) throws IOException {
        PinnedPackages pinned = PinnedPackages.load();
        List<Outcome> outcomes = new ArrayList<>();
        List<PinnedPackages.PythonPackage> python = pinned.python().stream().filter(p -> runtimes.contains(p.runtime())).toList();
        List<PinnedPackages.NpmPackage> npm = pinned.npmForThisPlatform().stream().filter(p -> runtimes.contains(p.runtime())).toList();
        out.printf("runtime environment %s%n", env.root());
        if (!python.isEmpty()) {
            Optional<String> venv = ensureVirtualEnvironment();
            // Every pin constrains every install, so a dependency (onnxruntime under onnxruntime-genai) resolves
            // to its pinned version, not the newest.
            Path constraints = Files.createTempFile("aipc-bench-constraints", ".txt");
            try {
                Files.write(constraints, pinned.python().stream().map(PinnedPackages.PythonPackage::requirement).toList());
                for (PinnedPackages.PythonPackage p : python) {
                    outcomes.add(report(venv.isPresent() ? new Outcome(p.runtime(), p.requirement(), Result.REFUSED, venv.get())
                            : installWheel(p, constraints)));
                }
            } finally {
                Files.deleteIfExists(constraints);
            }
        }
        for (PinnedPackages.NpmPackage p : npm) {
            outcomes.add(report(installNpm(p)));
        }
        return outcomes;
    }

    private Outcome report(Outcome o) {
        String word = o.result() == Result.INSTALLED ? "installed" : o.result() == Result.ALREADY ? "already installed" : "REFUSED";
        out.printf("  %-26s %-44s %s%s%n", o.runtime(), o.spec(), word, o.detail() == null ? "" : ": " + o.detail());
        out.flush();
        return o;
    }

    /** Creates the virtual environment when missing; returns why it could not, if so. */
    private Optional<String> ensureVirtualEnvironment() throws IOException {
        if (Files.isExecutable(env.pythonExecutable())) {
            return Optional.empty();
        }
        Files.createDirectories(env.root());
        out.printf("  creating the Python virtual environment %s%n", env.python());
        for (String python : new String[] {"python3", "python"}) {
            BoundedCommand.Result r = run(List.of(python, "-m", "venv", env.python().toString()), 5);
            if (r.ok()) {
                return Optional.empty();
            }
            if (r.started()) {
                return Optional.of("cannot create the virtual environment with " + python + ": " + r.lastLine()
                        + " (on Debian: apt-get install python3-venv)");
            }
        }
        return Optional.of("no python3 on the PATH (Python 3.10 or newer is needed for the pip runtimes)");
    }

    private Outcome installWheel(PinnedPackages.PythonPackage p, Path constraints) {
        Optional<String> have = env.sitePackages().flatMap(site -> InstalledWheel.version(site, p.name()));
        if (have.isPresent() && have.get().equals(p.version())) {
            return new Outcome(p.runtime(), p.requirement(), Result.ALREADY, null);
        }
        BoundedCommand.Result r = run(List.of(env.pythonExecutable().toString(), "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
                "--quiet", "--only-binary=:all:", "-c", constraints.toString(), p.requirement()), PIP_TIMEOUT_MINUTES);
        if (!r.ok()) {
            // Under the constraints pip words a package with no wheel as a dependency conflict (ResolutionImpossible);
            // asking the index for the package alone tells the two apart.
            boolean noWheel = r.lastLine().contains("No matching distribution") || !wheelOnIndex(p);
            String hint = noWheel ? " (no wheel of it for " + PinnedPackages.platform() + " on the index, only a source build, which"
                    + " the suite does not compile)" : "";
            return new Outcome(p.runtime(), p.requirement(), Result.REFUSED, "pip: " + r.lastLine() + hint);
        }
        return new Outcome(p.runtime(), p.requirement(), Result.INSTALLED, have.map(v -> "replaced " + v).orElse(null));
    }

    /** Whether the index has a wheel of the package itself for this platform (its dependencies aside). */
    private boolean wheelOnIndex(PinnedPackages.PythonPackage p) {
        return run(List.of(env.pythonExecutable().toString(), "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--quiet",
                "--dry-run", "--no-deps", "--only-binary=:all:", p.requirement()), PIP_TIMEOUT_MINUTES).ok();
    }

    private Outcome installNpm(PinnedPackages.NpmPackage p) throws IOException {
        Path manifest = env.npm().resolve("node_modules").resolve(p.name()).resolve("package.json");
        String have = installedNpmVersion(manifest);
        if (p.version().equals(have)) {
            return new Outcome(p.runtime(), p.spec(), Result.ALREADY, null);
        }
        Files.createDirectories(env.npm());
        BoundedCommand.Result r = run(List.of("npm", "install", "--prefix", env.npm().toString(), "--no-save", "--no-audit", "--no-fund",
                "--loglevel=error", p.spec()), NPM_TIMEOUT_MINUTES);
        if (!r.started()) {
            return new Outcome(p.runtime(), p.spec(), Result.REFUSED, "no npm on the PATH (Node.js's npm installs the llama.cpp prebuilts)");
        }
        if (!r.ok()) {
            return new Outcome(p.runtime(), p.spec(), Result.REFUSED, "npm: " + r.lastLine());
        }
        return new Outcome(p.runtime(), p.spec(), Result.INSTALLED, have != null ? "replaced " + have : null);
    }

    private static String installedNpmVersion(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            JsonNode v = Json.PLAIN.readTree(manifest.toFile()).get("version");
            return v == null ? null : v.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static BoundedCommand.Result run(List<String> command, long timeoutMinutes) {
        return BoundedCommand.run(command, Duration.ofMinutes(timeoutMinutes));
    }
}
