package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import dev.aipcbench.benchmarks.jmh.ForkRecord;
import dev.aipcbench.benchmarks.jmh.GenerateBenchmark;
import dev.aipcbench.harness.matrix.PlannedCell;
import dev.aipcbench.harness.model.catalog.ModelCache;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.onnxruntime.OrtRuntime;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.RunResults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Same weights, same tokens: every ok cell's agreement probe against the reference, the suite's ONNX
 * Runtime loop at fp32 on the same weights. The reference is the run's own {@code onnxruntime/cpu/fp32}
 * generate cell when it has one; else, for the synthetic model, a probe run apart on its fp32 ONNX folder
 * (generated into the cache) when that model is small enough to be cheap; else there is none and the
 * agreement table says so.
 */
final class Agreements {
    /** Above this many parameters an fp32 reference the run did not plan is not generated on the side (mini's is 15 GB). */
    static final long REFERENCE_PARAMETER_LIMIT = 1_000_000_000L;
    private static final String REFERENCE_LOGITS = "reference.logits.f32";

    private Agreements() {
    }

    /**
     * The run's reference: from its results if already there, its ORT fp32 generate cell, or a probe apart;
     * empty with the reason printed when there can be none.
     */
    static Optional<RunResults.Reference> reference(RunResults results, List<PlannedCell> plan, ModelCache cache, Path folder,
                                                    java.io.PrintStream console) {
        if (results.reference() != null) {
            return Optional.of(results.reference());
        }
        for (CellResult c : results.cells()) {
            if (c.ok() && c.output() != null && c.runtime().equals(OrtRuntime.ID) && c.device().equals("cpu")
                    && c.precision().equals(Precision.FP32.id())) {
                return Optional.of(new RunResults.Reference(c.id(), c.output().prompt(), c.output().tokens(), c.output().logits()));
            }
        }
        Optional<SyntheticSpec> synthetic = plan.stream().map(PlannedCell::synthetic).filter(s -> s != null).findFirst();
        if (synthetic.isEmpty() || results.cells().stream().noneMatch(c -> c.output() != null)) {
            return Optional.empty();
        }
        SyntheticSpec fp32 = SyntheticSpec.of(synthetic.get().size(), synthetic.get().dims(), Precision.FP32,
                synthetic.get().seed());
        if (fp32.dims().parameterCount() > REFERENCE_PARAMETER_LIMIT) {
            console.printf("agreement: no fp32 reference (the run plans no onnxruntime/cpu/fp32 generate cell, and %s's fp32 weights are"
                    + " too large to generate on the side); add fp32 to the precisions%n", fp32.cacheKey());
            return Optional.empty();
        }
        try {
            Path model = cache.synthetic(fp32, dev.aipcbench.harness.model.Progress.NONE);
            Path logits = folder.resolve(GenerateBenchmark.OUTPUTS).resolve(REFERENCE_LOGITS);
            ForkRecord.Probe p = ReferenceProbe.runApart(model, logits);
            return Optional.of(new RunResults.Reference(fp32.cacheKey() + " on onnxruntime/cpu (probe run apart)", p.prompt(), p.tokens(),
                    p.logitsFile() == null ? null : GenerateBenchmark.OUTPUTS + "/" + REFERENCE_LOGITS));
        } catch (IOException | RuntimeException e) {
            console.printf("agreement: no fp32 reference: %s%n", e.getMessage());
            return Optional.empty();
        }
    }

    /** Every cell with a probe, with its agreement with {@code reference}. */
    static List<CellResult> agreed(List<CellResult> cells, RunResults.Reference reference, Path folder) {
        List<CellResult> out = new ArrayList<>();
        float[] referenceLogits = reference.logits() == null ? null : floats(folder.resolve(reference.logits()));
        for (CellResult c : cells) {
            if (c.output() == null || c.output().tokens() == null) {
                out.add(c);
                continue;
            }
            List<Integer> mine = c.output().tokens();
            List<Integer> theirs = reference.tokens();
            int n = Math.min(mine.size(), theirs.size());
            int leading = 0;
            while (leading < n && mine.get(leading).equals(theirs.get(leading))) {
                leading++;
            }
            int matching = 0;
            for (int i = 0; i < n; i++) {
                matching += mine.get(i).equals(theirs.get(i)) ? 1 : 0;
            }
            Double cosine = null;
            if (referenceLogits != null && c.output().logits() != null) {
                float[] own = floats(folder.resolve(c.output().logits()));
                cosine = own != null && own.length == referenceLogits.length ? cosine(own, referenceLogits) : null;
            }
            boolean samePrompt = c.output().prompt() != null && c.output().prompt().equals(reference.prompt());
            out.add(c.withOutput(c.output().withAgreement(samePrompt
                    ? new CellResult.Agreement(reference.source(), leading, matching, n, cosine)
                    : new CellResult.Agreement(reference.source() + " (another prompt: not comparable)", 0, 0, 0, null))));
        }
        return out;
    }

    private static float[] floats(Path file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            float[] f = new float[b.remaining() / 4];
            b.asFloatBuffer().get(f);
            return f;
        } catch (IOException e) {
            return null;
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
