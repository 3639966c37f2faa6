package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.harness.device.HostProbe;
import dev.aipcbench.harness.matrix.MatrixPlanner;
import dev.aipcbench.harness.matrix.PlannedCell;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.harness.model.catalog.ModelCache;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.HostInfo;
import dev.aipcbench.results.ResultsFolder;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.RuntimeInfo;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A matrix run: plan, run each cell in turn, write the results folder after every cell. With
 * {@code --resume} it continues an earlier run's folder, skipping cells that already ended. On
 * Ctrl-C it writes what has finished, marks the run incomplete, and stops.
 */
public final class MatrixRun {
    private final Profile profile;
    private final Map<String, Object> resolvedProfile;
    private final List<String> commandLine;
    private final RuntimeCatalog runtimes;
    private final ModelCache cache;
    private final PrintStream console;
    private final Object writeLock = new Object();
    private volatile RunResults current;
    private volatile boolean interrupted;

    public MatrixRun(Profile profile, Map<String, Object> resolvedProfile, List<String> commandLine, RuntimeCatalog runtimes,
                     ModelCache cache, PrintStream console) {
        this.profile = profile;
        this.resolvedProfile = resolvedProfile;
        this.commandLine = List.copyOf(commandLine);
        this.runtimes = runtimes;
        this.cache = cache;
        this.console = console;
    }

    /** What a run leaves behind. */
    public record Outcome(Path folder, RunResults results) {
    }

    /**
     * Runs the matrix into {@code folder}; when {@code resume} is true the folder's results.json is
     * continued.
     */
    public Outcome run(Path folder, boolean resume) throws IOException {
        try (ResultsFolderLock ignored = ResultsFolderLock.acquire(folder, resume ? "--resume" : "--out")) {
            return runLocked(folder, resume);
        }
    }

    /** Refuses a results folder another run holds (see {@link ResultsFolderLock#refuseIfInUse}). */
    public static void refuseIfInUse(Path folder, String flag) throws IOException {
        ResultsFolderLock.refuseIfInUse(folder, flag);
    }

    private Outcome runLocked(Path folder, boolean resume) throws IOException {
        ResultsFolder out = new ResultsFolder(folder);
        RunResults earlier = resume ? ResultsFolder.read(folder) : null;
        if (!resume && Files.isRegularFile(out.file(ResultsFolder.RESULTS_JSON))) {
            throw new IllegalArgumentException("--out " + folder + " already holds a run; use --resume " + folder + " to continue it, or another folder");
        }
        HostInfo host = resume ? earlier.host() : HostProbe.ofThisMachine().probe();
        int physicalCores = host.cpu() != null && host.cpu().physicalCores() > 0 ? host.cpu().physicalCores() : Runtime.getRuntime().availableProcessors();
        MatrixPlanner planner = new MatrixPlanner(runtimes, host.accelerators() == null ? List.of() : host.accelerators(), physicalCores);
        List<PlannedCell> plan = planner.plan(profile);
        PlanCheck.check(plan, profile);
        console.printf("results %s%n", folder.toAbsolutePath());
        RunResults results = resume ? earlier : start(folder, plan.size(), host, planner.runtimeIds(profile));
        if (resume) {
            results = new RunResults(results.schema(), results.runId(), results.started(), null, false, results.suiteVersion(),
                    results.profileName(), results.profile(), results.commandLine(), results.host(), results.runtimes(),
                    plan.size(), results.cells(), results.reference());
        }
        // A cell that failed for a reason outside itself (a full disk, another run's lock) is run again.
        Set<String> finished = results.cells().stream().filter(c -> !OutsideFailure.of(c)).map(CellResult::id).collect(Collectors.toSet());
        List<PlannedCell> todo = plan.stream().filter(c -> !finished.contains(c.id())).collect(Collectors.toList());
        if (resume) {
            console.printf("resuming %s: %d of %d cells already ended, %d to run%n", folder, plan.size() - todo.size(), plan.size(), todo.size());
        }
        current = results;
        synchronized (writeLock) {
            out.write(current);
            JmhJsonFile.createEmpty(out.file(ResultsFolder.JMH_JSON));
        }
        Thread hook = new Thread(() -> finishInterrupted(out), "aipc-bench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CellTelemetry telemetry = profile.telemetry().enabled() ? TelemetryForCells.create(profile, folder) : CellTelemetry.off();
            CellRunner runner = new CellRunner(profile, cache, folder, telemetry, console, physicalCores);
            MatrixProgress progress = new MatrixProgress(console, plan.size(), plan.size() - todo.size());
            int remainingToRun = (int) todo.stream().filter(c -> c.availability().isAvailable()).count();
            if (Boolean.TRUE.equals(profile.jmh().interleave())) {
                runInterleaved(todo, runner, out, progress);
            } else {
                for (PlannedCell cell : todo) {
                    if (interrupted) {
                        break;
                    }
                    if (cell.availability().isAvailable()) {
                        progress.starting(cell.id());
                        remainingToRun--;
                    }
                    if (!record(runner.run(cell, modelProgress()), out, progress, remainingToRun)) {
                        break;
                    }
                }
            }
            if (!interrupted) {
                RunResults done = current;
                Agreements.reference(done, plan, cache, folder, console).ifPresent(reference -> {
                    synchronized (writeLock) {
                        current = current.withReference(reference, Agreements.agreed(current.cells(), reference, folder));
                    }
                });
            }
            synchronized (writeLock) {
                boolean all = current.cells().size() >= plan.size();
                current = current.finish(Instant.now().toString(), all);
                out.write(current);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down (Ctrl-C): the hook is running or has run.
            }
        }
        return new Outcome(folder, current);
    }

    /**
     * {@code jmh.interleave}: the cells' forks in turns, round robin: every cell's first fork, then every
     * cell's second, ...; each cell's last round (with its telemetry and any reruns of disturbed forks)
     * ends it and writes its result. A slow drift of the machine (heat, a neighbour's load) then spreads
     * over every cell's forks instead of landing on the cells that happened to run during it. An
     * interrupted run resumes a cell from its first fork.
     */
    private void runInterleaved(List<PlannedCell> todo, CellRunner runner, ResultsFolder out, MatrixProgress progress) throws IOException {
        int forks = profile.jmh().forks();
        List<CellRunner.Measuring> measuring = new java.util.ArrayList<>();
        int remainingToRun = (int) todo.stream().filter(c -> c.availability().isAvailable()).count();
        for (PlannedCell cell : todo) {
            if (interrupted) {
                return;
            }
            CellRunner.Prepared p = runner.prepare(cell, modelProgress());
            if (p.result() != null) {
                if (p.result().status() != dev.aipcbench.results.CellStatus.SKIPPED
                        && p.result().status() != dev.aipcbench.results.CellStatus.UNSUPPORTED) {
                    remainingToRun--;
                }
                if (!record(p.result(), out, progress, remainingToRun)) {
                    return;
                }
            } else {
                measuring.add(p.cell());
            }
        }
        for (int round = 1; round < forks; round++) {
            for (CellRunner.Measuring m : measuring) {
                if (interrupted) {
                    return;
                }
                console.printf("[round %d/%d] %s ...%n", round, forks, m.cell.id());
                runner.round(m);
            }
        }
        for (CellRunner.Measuring m : measuring) {
            if (interrupted) {
                return;
            }
            progress.starting(m.cell.id() + " (round " + forks + "/" + forks + ")");
            remainingToRun--;
            if (!record(runner.finish(m, forks - m.rounds), out, progress, remainingToRun)) {
                return;
            }
        }
    }

    /** Adds the cell's result to the run and writes it; false when the run was interrupted meanwhile. */
    private boolean record(CellResult r, ResultsFolder out, MatrixProgress progress, int remainingToRun) throws IOException {
        synchronized (writeLock) {
            if (interrupted) {
                return false;
            }
            current = current.withCell(r);
            out.write(current);
        }
        progress.finished(r, remainingToRun);
        return true;
    }

    private void finishInterrupted(ResultsFolder out) {
        synchronized (writeLock) {
            interrupted = true;
            try {
                current = current.finish(Instant.now().toString(), false);
                out.write(current);
                console.printf("%ninterrupted: %s holds the %d finished cells; continue with --resume %s%n",
                        out.dir(), current.cells().size(), out.dir());
            } catch (IOException e) {
                console.println("interrupted: could not write " + out.dir() + ": " + e.getMessage());
            }
        }
    }

    private RunResults start(Path folder, int planned, HostInfo host, List<String> runtimeIds) {
        List<RuntimeInfo> infos = new ArrayList<>();
        for (String id : runtimeIds) {
            InferenceRuntime r = runtimes.get(id);
            infos.add(new RuntimeInfo(r.id(), r.installed() ? r.version() : null, r.installed(),
                    r.installed() ? null : r.version(), r.installed() ? r.providers() : List.of()));
        }
        String runId = folder.getFileName().toString();
        return new RunResults(RunResults.SCHEMA, runId, Instant.now().toString(), null, false,
                dev.aipcbench.benchmarks.matrix.SuiteVersion.get(), profile.name(), resolvedProfile, commandLine, host, infos,
                planned, List.of(), null);
    }

    private Progress modelProgress() {
        return (done, total) -> {
            if (done == total) {
                console.printf("  model ready (%.1f MiB)%n", total / (1024.0 * 1024.0));
            }
        };
    }
}
