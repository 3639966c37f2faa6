package dev.aipcbench.reports.gate;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GateOptionsTest {
    private final Path base = Path.of("results", "base");
    private final Path cur = Path.of("results", "cur");

    @Test
    void defaults() {
        GateOptions o = GateOptions.of(List.of(base), cur);
        assertEquals(cur.resolve("gate"), o.out());
        assertEquals(5.0, o.thresholds().defaultPct());
        assertEquals(0.95, o.confidence());
        assertEquals(GateOptions.DEFAULT_RESAMPLES, o.resamples());
        assertEquals(GateOptions.DEFAULT_SEED, o.seed());
        assertEquals(false, o.allowDifferentHardware());
    }

    @Test
    void thresholdFlagReplacesOnlyTheGlobalDefault() {
        GateOptions o = GateOptions.of(List.of(base), cur)
                .withThresholds(GateThresholds.fromProfile(Map.of("thresholds", Map.of("metrics", Map.of("ttft_ms", "10%")))))
                .withThreshold("3%");
        assertEquals(3.0, o.thresholds().resolve("c", "tpot_ms"));
        assertEquals(10.0, o.thresholds().resolve("c", "ttft_ms"));
    }

    @Test
    void confidenceAsFractionOrPercent() {
        assertEquals(0.95, GateOptions.parseConfidence("0.95"));
        assertEquals(0.9, GateOptions.parseConfidence("90%"), 1e-12);
        assertEquals("--confidence: expected a level like 0.95 or 95%, got \"high\"",
                assertThrows(GateInputException.class, () -> GateOptions.parseConfidence("high")).getMessage());
    }

    @Test
    void outOfRangeOptionsAreInputErrors() {
        GateOptions o = GateOptions.of(List.of(base), cur);
        assertEquals("--confidence: must lie between 0 and 1 (e.g. 0.95), got 95.0",
                assertThrows(GateInputException.class, () -> o.withConfidence(95)).getMessage());
        assertThrows(GateInputException.class, () -> o.withResamples(10));
        assertThrows(GateInputException.class, () -> o.withThreshold("lots"));
        assertEquals("--baseline: at least one baseline results folder is needed",
                assertThrows(GateInputException.class, () -> GateOptions.of(List.of(), cur)).getMessage());
    }
}
