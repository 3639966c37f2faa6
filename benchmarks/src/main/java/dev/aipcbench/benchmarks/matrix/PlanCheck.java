package dev.aipcbench.benchmarks.matrix;

import dev.aipcbench.harness.matrix.PlannedCell;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.onnx.GenaiConfig;
import dev.aipcbench.harness.process.ThreadCount;
import dev.aipcbench.results.Workload;

import java.nio.file.Files;
import java.util.List;

/**
 * Bad input found in the plan before the first cell runs, as {@code generate} finds it up front: a model
 * folder the profile names that does not exist, a workload longer than its model's context, a thread count
 * beyond the machine. Each is a usage error (exit 2) naming the field, not a failed cell for every cell.
 */
final class PlanCheck {
    private PlanCheck() {
    }

    static void check(List<PlannedCell> plan, Profile profile) {
        ThreadCount.check("session.threads (--threads)", profile.session().threads());
        for (PlannedCell c : plan) {
            if (!c.availability().isAvailable()) {
                continue;
            }
            if (c.workload() instanceof Workload.Characterise) {
                ThreadCount.check("workloads.characterise.threads (--threads)", ((Workload.Characterise) c.workload()).threads());
                continue; // no model: the probes are made from its dimensions
            }
            String field = "model.folders." + c.modelFormat() + "." + c.precision().id();
            if (c.folder() != null && !Files.exists(c.folder())) {
                throw new IllegalArgumentException("profile field " + field + ": " + c.folder() + " does not exist");
            }
            int context = c.synthetic() != null ? c.synthetic().dims().context()
                    : c.folder() != null && c.modelFormat() == ModelFormat.ONNX_GENAI && Files.isRegularFile(c.folder().resolve(GenaiConfig.FILE_NAME))
                    ? GenaiConfig.read(c.folder()).contextLength() : Integer.MAX_VALUE;
            int needs = tokens(c.workload());
            if (needs > context) {
                throw new IllegalArgumentException(c.workload().label() + " needs " + needs + " tokens of context but the model ("
                        + c.modelName() + ") has " + context + " (workloads." + c.workload().kind() + " in the profile, or --prompt-tokens/--gen-tokens)");
            }
        }
    }

    /** The context a workload fills: prompt and generated tokens, or the depth and the step at it. */
    private static int tokens(Workload w) {
        return w.parameters().getOrDefault("prompt_tokens", 0) + w.parameters().getOrDefault("gen_tokens", 0)
                + (w.parameters().containsKey("context_depth") ? w.parameters().get("context_depth") + 1 : 0);
    }
}
