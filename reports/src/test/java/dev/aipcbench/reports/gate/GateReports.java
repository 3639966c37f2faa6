package dev.aipcbench.reports.gate;

import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.RunResults;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static dev.aipcbench.reports.gate.GateFixtures.CPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.GPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.NPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.metrics;
import static dev.aipcbench.reports.gate.GateFixtures.noisy;
import static dev.aipcbench.reports.gate.GateFixtures.notOk;
import static dev.aipcbench.reports.gate.GateFixtures.ok;
import static dev.aipcbench.reports.gate.GateFixtures.run;

/** A gate report with one of everything, for the writers' tests. */
final class GateReports {
    static final String DGPU_CELL = "llama.cpp/dgpu/int4/generate-p128-g32";
    static final String LOAD_CELL = "openvino-genai/npu/int4/load";

    private GateReports() {
    }

    /**
     * CPU: tpot_ms 10 % worse (regression), ttft_ms 15 % better (improvement), e2e_ms unchanged (pass),
     * energy_j only in the baseline (no data). GPU: throughput unchanged (pass). NPU: ok before, failed now.
     * Load cell: only in the baseline. dGPU: skipped on both sides.
     */
    static GateReport mixed() {
        Random rng = new Random(401);
        RunResults base = run("20260101-base", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 2, 8, 25, 0.01),
                        "ttft_ms", noisy(rng, 2, 8, 200, 0.01), "e2e_ms", noisy(rng, 2, 8, 1000, 0.01),
                        "energy_j", noisy(rng, 2, 8, 9, 0.01))),
                ok(GPU_CELL, metrics("decode_tok_s", noisy(rng, 2, 8, 60, 0.01))),
                ok(NPU_CELL, metrics("tpot_ms", noisy(rng, 2, 8, 15, 0.01))),
                ok(LOAD_CELL, metrics("load_ms", noisy(rng, 3, 1, 4000, 0.02))),
                notOk(DGPU_CELL, CellStatus.SKIPPED, "no CUDA device"));
        RunResults cur = run("20260102-cur", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 2, 8, 27.5, 0.01),
                        "ttft_ms", noisy(rng, 2, 8, 170, 0.01), "e2e_ms", noisy(rng, 2, 8, 1000, 0.01))),
                ok(GPU_CELL, metrics("decode_tok_s", noisy(rng, 2, 8, 60, 0.01))),
                notOk(NPU_CELL, CellStatus.FAILED, "fork exited with 134 | SIGABRT\n\u0001at npu_driver.so <init>"),
                notOk(DGPU_CELL, CellStatus.SKIPPED, "no CUDA device"));
        return new RegressionGate(GateOptions.of(List.of(Path.of("base")), Path.of("cur"))).compare(List.of(base), cur);
    }
}
