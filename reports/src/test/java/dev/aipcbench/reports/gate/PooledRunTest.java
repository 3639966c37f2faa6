package dev.aipcbench.reports.gate;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.CellStatus;
import dev.aipcbench.results.Metric;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.Workload;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PooledRunTest {
    private static RunResults run(String id, double... tpots) {
        List<List<Double>> forks = List.of(List.of(tpots[0], tpots[1]), List.of(tpots[2], tpots[3]));
        CellResult cell = new CellResult("onnxruntime/cpu/int4/decode-d64", "onnxruntime", "cpu", "int4", new Workload.Decode(64),
                null, Map.of(), CellStatus.OK, null, null, null, null, 1.0, null,
                Map.of("tpot_ms", Metric.of("ms", Metric.Better.LOWER, forks)), null, null, null, null);
        return new RunResults(RunResults.SCHEMA, id, null, null, true, "x", "p", Map.of(), List.of(), null, List.of(), 1, List.of(cell), null);
    }

    @Test
    void everyRunsForksJoinTheCell() {
        RunResults pooled = PooledRun.of(List.of(run("a", 1, 2, 3, 4), run("b", 5, 6, 7, 8)));
        Metric m = pooled.cells().get(0).metrics().get("tpot_ms");
        assertEquals(List.of(List.of(1.0, 2.0), List.of(3.0, 4.0), List.of(5.0, 6.0), List.of(7.0, 8.0)), m.samples());
        assertEquals(8, m.summary().n());
        assertEquals(4.5, m.summary().median());
        assertEquals("a+b", pooled.runId());
    }

    @Test
    void oneRunIsItself() {
        RunResults a = run("a", 1, 2, 3, 4);
        assertEquals(a, PooledRun.of(List.of(a)));
    }
}
