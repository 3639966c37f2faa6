package dev.aipcbench.benchmarks.jmh;

import dev.aipcbench.harness.model.GenaiConfig;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.RuntimeCatalog;
import dev.aipcbench.harness.runtime.StepwiseSession;
import dev.aipcbench.harness.workload.PromptFactory;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A session opened once per fork (outside every measurement) plus the prompts for it. Each iteration
 * draws a new prompt, so no runtime can answer from a prefix cache filled by the previous one.
 */
@State(Scope.Benchmark)
public abstract class OpenSession extends CellParameters {
    protected GenerationSession session;
    protected PromptFactory prompts;
    private long iteration;

    /**
     * Opens the session, then lets the benchmark prepare ({@link #prepare()}). One trial-level setup
     * method in the hierarchy, because JMH does not order setups across superclass and subclass.
     */
    @Setup(Level.Trial)
    public void open() throws Exception {
        Path folder = Path.of(model);
        session = RuntimeCatalog.standard().get(runtime).open(folder, settings(null));
        int bos = -1;
        int vocab = session.info().vocabSize();
        if (Files.isRegularFile(folder.resolve(GenaiConfig.FILE_NAME))) {
            bos = GenaiConfig.read(folder).bosTokenId();
        }
        prompts = new PromptFactory(vocab, bos);
        CellMeasurements.session(session.info());
        prepare();
    }

    /** Per-fork preparation after the session is open (outside every measurement). */
    protected void prepare() {
    }

    /** A fresh prompt of {@code tokens} for this iteration. */
    protected int[] nextPrompt(int tokens) {
        return prompts.prompt(tokens, 1_000_003L * ++iteration + tokens);
    }

    protected StepwiseSession stepwise() {
        if (!(session instanceof StepwiseSession)) {
            throw new IllegalStateException(runtime + " generates only as a whole; this benchmark needs a stepwise session");
        }
        return (StepwiseSession) session;
    }

    @TearDown(Level.Trial)
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
