package dev.aipcbench.reports.rank;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.Workload;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A cell whose telemetry suggests a fallback is never named plainly as the device it asked for. */
class FallbackLabelTest {
    private static CellResult npuCell(CellResult.ExecutedOn executedOn) {
        Workload w = new Workload.Generate(128, 64);
        return new CellResult(CellResult.id("onnxruntime", "npu", "int4", w), "onnxruntime", "npu", "int4", w, null, Map.of(),
                CellStatus.OK, null, null, null, null, 1.0, Map.of(), Map.of(), null, null, null, null, executedOn);
    }

    @Test
    void theDeviceLabelSaysFallbackSuspectedWhereTheTelemetrySaysSo() {
        CellResult.ExecutedOn idle = new CellResult.ExecutedOn("provider OpenVINOExecutionProvider",
                "npu 0.4% busy (npu_busy_pct), fork CPU 97% of a core: fallback suspected", true);
        assertEquals("npu (fallback suspected)", CellField.DEVICE.label(npuCell(idle)));
        assertEquals("onnxruntime \u00b7 npu (fallback suspected)",
                CellField.label(java.util.EnumSet.of(CellField.RUNTIME, CellField.DEVICE), npuCell(idle)));
        CellResult.ExecutedOn busy = new CellResult.ExecutedOn(null, "npu 88.0% busy (npu_busy_pct), fork CPU 12% of a core", false);
        assertEquals("npu", CellField.DEVICE.label(npuCell(busy)));
        assertEquals("npu", CellField.DEVICE.label(npuCell(null)));
    }
}
