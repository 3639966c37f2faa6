package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.model.cost.ModelTokenCost;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;
import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.harness.workload.PromptFactory;
import dev.aipcbench.harness.model.onnx.GenaiConfig;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A session opened once per fork (outside every measurement) plus the prompts for it. Each iteration
 * draws a new prompt, so no runtime can answer from a prefix cache filled by the previous one.
 */
@State(Scope.Benchmark)
public abstract class OpenSession extends CellParameters {
    protected CellSpec cell;
    protected GenerationSession session;
    protected PromptFactory prompts;
    private long iteration;

    /**
     * Opens the session, then lets the benchmark prepare ({@link #prepare()}). One trial-level setup
     * method in the hierarchy, because JMH does not order setups across superclass and subclass. A failure
     * goes into the fork's record, so the host reports the exception itself, not JMH's "had encountered error".
     */
    @Setup(Level.Trial)
    public void open() throws Exception {
        try {
            cell = cell();
            ForkRecorder.start(cell.forkRecords() == null ? null : Path.of(cell.forkRecords()));
            Path folder = Path.of(cell.model());
            session = RuntimeCatalog.standard().get(cell.runtime()).open(folder, cell.settings(null));
            int bos = -1;
            if (Files.isRegularFile(folder.resolve(GenaiConfig.FILE_NAME))) {
                bos = GenaiConfig.read(folder).bosTokenId();
            }
            prompts = new PromptFactory(session.info().vocabSize(), bos);
            ForkRecorder.session(session.info());
            warmTheLoop();
            prepare();
        } catch (Exception | Error e) {
            ForkRecorder.failure(e);
            throw e;
        }
    }

    /** Decode steps run before anything is measured, enough for the JIT to compile the suite's loop. */
    private static final int LOOP_WARM_STEPS = 3000;
    private static final long LOOP_WARM_BUDGET_NANOS = 1_500_000_000L;

    /**
     * Compiles the suite's side of a decode step before any shot, warm-up shots included: interpreted,
     * it cost about 10 us a step (5 % of a tiny model's TPOT, measured as loop_overhead_pct), against
     * 0.13 us compiled. Bounded by time, so a large model spends at most 1.5 s here; its steps are so
     * long that the interpreter's cost vanishes in them anyway.
     */
    private void warmTheLoop() {
        if (!(session instanceof StepwiseSession)) {
            return;
        }
        StepwiseSession steps = (StepwiseSession) session;
        int[] prompt = nextPrompt(Math.min(8, Math.max(1, cell.kvCapacity() - 1)));
        int token = steps.prefill(prompt);
        long deadline = System.nanoTime() + LOOP_WARM_BUDGET_NANOS;
        int capacity = Math.max(prompt.length + 1, cell.kvCapacity());
        for (int i = 0; i < LOOP_WARM_STEPS && System.nanoTime() < deadline; i++) {
            if (steps.length() >= capacity - 1) {
                steps.truncate(prompt.length);
            }
            token = steps.decode(token);
        }
        steps.truncate(0);
    }

    /** Per-fork preparation after the session is open (outside every measurement). */
    protected void prepare() {
    }

    /** Work after the measured iterations, before the session closes (the agreement probe). */
    protected void afterMeasurement() {
    }

    /** A fresh prompt of {@code tokens} for this iteration. */
    protected int[] nextPrompt(int tokens) {
        return prompts.prompt(tokens, 1_000_003L * ++iteration + tokens);
    }

    protected StepwiseSession stepwise() {
        if (!(session instanceof StepwiseSession)) {
            throw new IllegalStateException(cell.runtime() + " generates only as a whole; this benchmark needs a stepwise session");
        }
        return (StepwiseSession) session;
    }

    /**
     * Runs {@link #afterMeasurement()}, records the session's facts once more (runtimes that add the last
     * generation's own measurements to their details, OpenVINO GenAI's perf metrics, have them only now),
     * and closes the session; then the profiling pass and what a token of the model costs (the roofline's bytes
     * and FLOPs), both added to those facts.
     */
    @TearDown(Level.Trial)
    public void close() {
        if (session == null) {
            return;
        }
        try {
            afterMeasurement();
            ForkRecorder.session(session.info());
            ProcessPeakMemory.noteChildren(); // a driver process's memory ends with the session
        } catch (RuntimeException | Error e) {
            ForkRecorder.failure(e);
            throw e;
        } finally {
            session.close();
        }
        executionProfile();
        ForkRecorder.sessionDetails(ModelTokenCost.of(Path.of(cell.model())).facts());
    }

    /**
     * The runtime's own profile of a short generation (where each node ran, where a step's time went), after
     * the measured session is closed, so it perturbs no timed shot and never holds the weights twice. A
     * runtime whose profiler fails costs the cell nothing but the line saying so.
     */
    private void executionProfile() {
        if (cell.forkRecords() == null) {
            return;
        }
        try {
            Map<String, String> profile = RuntimeCatalog.standard().get(cell.runtime())
                    .executionProfile(Path.of(cell.model()), cell.settings(null), Path.of(cell.forkRecords()));
            ForkRecorder.sessionDetails(profile);
        } catch (RuntimeException e) {
            ForkRecorder.sessionDetails(Map.of("execution_profile", "failed: " + e.getMessage()));
        }
    }
}
