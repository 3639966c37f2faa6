package dev.aipcbench.reports.gate;

import dev.aipcbench.results.Metric;
import dev.aipcbench.results.RunResults;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import static dev.aipcbench.reports.gate.GateFixtures.CPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.NPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.metric;
import static dev.aipcbench.reports.gate.GateFixtures.metrics;
import static dev.aipcbench.reports.gate.GateFixtures.noisy;
import static dev.aipcbench.reports.gate.GateFixtures.ok;
import static dev.aipcbench.reports.gate.GateFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectableSlowdownTest {
    private final GateOptions options = GateOptions.of(List.of(Path.of("base")), Path.of("cur"));
    private final DetectableSlowdown power = DetectableSlowdown.of(options);

    @Test
    void quietSamplesAgainstThemselvesAreCaughtJustPastTheThreshold() {
        // ratio exactly 1 and a narrow interval: the threshold is what stops 1.05, so 1.06 is the answer
        Metric m = metric("tpot_ms", noisy(new Random(501), 3, 10, 25, 0.01));
        assertEquals(1.06, power.smallestFactor(CPU_CELL, "tpot_ms", List.of(m), m, 5).orElseThrow(), 1e-9);
        assertEquals(1.11, power.smallestFactor(CPU_CELL, "tpot_ms", List.of(m), m, 10).orElseThrow(), 1e-9);
    }

    @Test
    void throughputsAreMadeWorseByDividing() {
        Metric m = metric("decode_tok_s", noisy(new Random(502), 3, 10, 40, 0.01));
        // 40 / 1.06 is 5.7 % lower: the first step past a 5 % drop
        assertEquals(1.06, power.smallestFactor(CPU_CELL, "decode_tok_s", List.of(m), m, 5).orElseThrow(), 1e-9);
        Metric worse = DetectableSlowdown.worse("decode_tok_s", m, 1.25);
        assertEquals(m.summary().median() / 1.25, worse.summary().median(), 1e-9);
    }

    @Test
    void theAnswerIsTheFirstFactorTheGateCallsARegression() {
        Random rng = new Random(503);
        Metric base = metric("ttft_ms", noisy(rng, 2, 5, 200, 0.04));
        Metric cur = metric("ttft_ms", noisy(rng, 2, 5, 200, 0.04));
        double f = power.smallestFactor(CPU_CELL, "ttft_ms", List.of(base), cur, 5).orElseThrow();
        MetricGate gate = new MetricGate(options.resamples(), options.confidence(), options.seed());
        assertEquals(GateVerdict.REGRESSION,
                gate.compare(CPU_CELL, "ttft_ms", List.of(base), DetectableSlowdown.worse("ttft_ms", cur, f), 5).verdict());
        assertTrue(gate.compare(CPU_CELL, "ttft_ms", List.of(base), DetectableSlowdown.worse("ttft_ms", cur, f - 0.01), 5)
                .verdict() != GateVerdict.REGRESSION);
        // the answer also depends on where this pair's own ratio sits: made f times worse, it is past 5 %
        double ratio = cur.summary().median() / base.summary().median();
        assertTrue(f * ratio > 1.05 && f < 1.3, "f=" + f + " ratio=" + ratio);
    }

    @Test
    void aRunThatAlreadyRegressedAnswersOne() {
        Random rng = new Random(504);
        assertEquals(1.0, power.smallestFactor(CPU_CELL, "tpot_ms", List.of(metric("tpot_ms", noisy(rng, 2, 8, 25, 0.01))),
                metric("tpot_ms", noisy(rng, 2, 8, 28, 0.01)), 5).orElseThrow(), 1e-9);
    }

    @Test
    void tooNoisyOrTooFewSamplesAnswerNothing() {
        Random rng = new Random(505);
        Metric noisy = metric("tpot_ms", noisy(rng, 1, 3, 25, 0.30));
        DetectableSlowdown upTo20 = new DetectableSlowdown(options.resamples(), options.confidence(), options.seed(), 0.01, 1.2);
        assertEquals(OptionalDouble.empty(), upTo20.smallestFactor(CPU_CELL, "tpot_ms", List.of(noisy), noisy, 5));
        Metric single = metric("load_ms", new double[][]{{900}});
        assertEquals(OptionalDouble.empty(), power.smallestFactor(CPU_CELL, "load_ms", List.of(single), single, 5));
    }

    @Test
    void everySharedCellAndMetricOfTwoRunsWithItsThreshold() {
        Random rng = new Random(506);
        RunResults a = run("a", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 2, 8, 25, 0.01), "itl_ms", noisy(rng, 2, 100, 25, 0.05))),
                ok(NPU_CELL, metrics("tpot_ms", noisy(rng, 2, 8, 12, 0.01))));
        RunResults b = run("b", ok(CPU_CELL, metrics("tpot_ms", noisy(rng, 2, 8, 25, 0.01), "itl_ms", noisy(rng, 2, 100, 25, 0.05))),
                ok(NPU_CELL, metrics("tpot_ms", noisy(rng, 2, 8, 12, 0.01))));
        GateThresholds t = GateThresholds.fromProfile(Map.of("thresholds", Map.of("cells", Map.of(NPU_CELL, "10%"))));
        List<DetectableSlowdown.Sensitivity> s = power.of(List.of(a), b, t);
        assertEquals(List.of(CPU_CELL + " tpot_ms", NPU_CELL + " tpot_ms"),
                s.stream().map(x -> x.cellId() + " " + x.metric()).toList(), "itl_ms is not gated");
        assertEquals(5.0, s.get(0).thresholdPct());
        assertEquals(10.0, s.get(1).thresholdPct());
        assertTrue(s.get(1).slowdownPct().orElseThrow() > 10);
        assertTrue(s.get(0).slowdownPct().orElseThrow() > 5 && s.get(0).slowdownPct().orElseThrow() < 10);
    }
}
