package dev.aipcbench.reports.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aipcbench.results.ResultsFolder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.aipcbench.reports.gate.GateFixtures.CPU_CELL;
import static dev.aipcbench.reports.gate.GateFixtures.NPU_CELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateThresholdsTest {

    private static JsonNode json(String s) throws Exception {
        return ResultsFolder.JSON.readTree(s.replace('\'', '"'));
    }

    private static String error(String thresholdsJson) {
        return assertThrows(GateInputException.class, () -> GateThresholds.fromJson(json(thresholdsJson))).getMessage();
    }

    @Test
    void percentagesAreReadAsPercentWithOrWithoutTheSign() {
        assertEquals(5.0, GatePercent.parse("--threshold", "5%"));
        assertEquals(5.0, GatePercent.parse("--threshold", " 5 "));
        assertEquals(2.5, GatePercent.parse("--threshold", "2.5 %"));
        assertEquals(0.05, GatePercent.parse("--threshold", "0.05"), "a bare number is percent, never a fraction");
        assertEquals("5%", GatePercent.format(5));
        assertEquals("2.5%", GatePercent.format(2.5));
    }

    @Test
    void badPercentagesNameTheFieldOnOneLine() {
        String m = assertThrows(GateInputException.class, () -> GatePercent.parse("--threshold", "five")).getMessage();
        assertEquals("--threshold: expected a percentage like \"5%\", got \"five\"", m);
        assertTrue(assertThrows(GateInputException.class, () -> GatePercent.parse("--threshold", "-1%"))
                .getMessage().startsWith("--threshold: percentage must be at least 0% and below 100%"));
        assertThrows(GateInputException.class, () -> GatePercent.parse("--threshold", "100%"));
        assertThrows(GateInputException.class, () -> GatePercent.parse("--threshold", "NaN"));
    }

    @Test
    void theMostSpecificThresholdWins() throws Exception {
        GateThresholds t = GateThresholds.fromJson(json("{'default': '4%', 'metrics': {'ttft_ms': '10%', 'tpot_ms': 6},"
                + " 'cells': {'" + CPU_CELL + "': {'default': '8%', 'tpot_ms': '3%'}, '" + NPU_CELL + "': '20%'}}"));
        assertEquals(3.0, t.resolve(CPU_CELL, "tpot_ms"), "cell + metric");
        assertEquals(8.0, t.resolve(CPU_CELL, "ttft_ms"), "the cell's default beats the metric-wide entry");
        assertEquals(8.0, t.resolve(CPU_CELL, "e2e_ms"), "cell default");
        assertEquals(20.0, t.resolve(NPU_CELL, "tpot_ms"), "a cell given as a bare percentage sets its default");
        assertEquals(10.0, t.resolve("llama.cpp/cpu/int4/load", "ttft_ms"), "metric");
        assertEquals(6.0, t.resolve("llama.cpp/cpu/int4/load", "tpot_ms"), "a JSON number is percent too");
        assertEquals(4.0, t.resolve("llama.cpp/cpu/int4/load", "e2e_ms"), "global default");
    }

    @Test
    void theCommandLineDefaultReplacesTheProfileDefaultAndKeepsOverrides() throws Exception {
        GateThresholds t = GateThresholds.fromJson(json("{'default': '4%', 'metrics': {'ttft_ms': '10%'}}")).withDefault(7);
        assertEquals(7.0, t.resolve(CPU_CELL, "tpot_ms"));
        assertEquals(10.0, t.resolve(CPU_CELL, "ttft_ms"));
    }

    @Test
    void absentThresholdsAreTheDefaults() throws Exception {
        assertEquals(GateThresholds.defaults(), GateThresholds.fromJson(null));
        assertEquals(GateThresholds.defaults(), GateThresholds.fromProfile(Map.of("name", "ci")));
        assertEquals(5.0, GateThresholds.fromJson(json("{'metrics': {}}")).resolve(CPU_CELL, "tpot_ms"));
    }

    @Test
    void readsTheThresholdsOfAProfileMap() {
        GateThresholds t = GateThresholds.fromProfile(Map.of("thresholds",
                Map.of("default", "6%", "cells", Map.of(CPU_CELL, Map.of("tpot_ms", "2%")))));
        assertEquals(6.0, t.resolve(NPU_CELL, "tpot_ms"));
        assertEquals(2.0, t.resolve(CPU_CELL, "tpot_ms"));
    }

    @Test
    void malformedThresholdsNameTheField() {
        assertEquals("thresholds.metrics.ttft_ms: expected a percentage like \"5%\", got \"fast\"",
                error("{'metrics': {'ttft_ms': 'fast'}}"));
        assertEquals("thresholds.cells." + CPU_CELL + ".tpot_ms: expected a percentage like \"5%\", got \"x\"",
                error("{'cells': {'" + CPU_CELL + "': {'tpot_ms': 'x'}}}"));
        assertEquals("thresholds.cells." + CPU_CELL + ".default: expected a percentage like \"5%\", got []",
                error("{'cells': {'" + CPU_CELL + "': {'default': []}}}"));
        assertEquals("thresholds.metric: unknown field (expected default, metrics or cells)",
                error("{'metric': {'ttft_ms': '5%'}}"));
        assertEquals("thresholds.metrics: expected an object, got array", error("{'metrics': ['5%']}"));
        assertEquals("thresholds: expected an object, got string", error("'5%'"));
        assertTrue(error("{'default': '150%'}").startsWith("thresholds.default: percentage must be"));
    }
}
