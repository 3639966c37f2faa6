package dev.aipcbench.reports.table;

import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.RunResults;
import dev.aipcbench.results.Workload;
import dev.aipcbench.reports.fixture.CharacterisedRun;
import dev.aipcbench.reports.fixture.RealRunFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * summary.md's roofline columns: every generate row says how much of the measured read bandwidth its decode and of
 * the matmul ceiling its prefill attained; a run without characterise cells says so in those columns, and one whose
 * cells recorded no token cost says that, rather than leaving them blank.
 */
class RooflineSummaryTest {
    private static final Pattern ROW = Pattern.compile("\\| onnxruntime \\| cpu \\| (fp32|int4) \\| generate p\\d+ g\\d+ \\|.*\\| "
            + "(\\d+) % \\(([\\d.]+) of 12\\.5 GB/s\\) \\| (\\d+) % \\(([\\d.]+) of (60|45)\\.0 GFLOP/s\\) \\|");

    @Test
    void generateRowsShowTheirShareOfTheMeasuredCeilings() {
        String md = MarkdownSummary.render(List.of(CharacterisedRun.run().results()));
        assertTrue(md.contains("| E2E ms | decode % roofline | prefill % roofline |"), md);
        Matcher m = ROW.matcher(md);
        int rows = 0;
        while (m.find()) {
            // the attained value is printed rounded, so the percentage recomputed from it differs by at most the
            // percentage's own rounding plus the attained value's, as a share of the ceiling
            assertEquals(100 * Double.parseDouble(m.group(3)) / 12.5, Double.parseDouble(m.group(2)), tolerance(m.group(3), 12.5), m.group());
            double ceiling = Double.parseDouble(m.group(6));
            assertEquals(100 * Double.parseDouble(m.group(5)) / ceiling, Double.parseDouble(m.group(4)), tolerance(m.group(5), ceiling), m.group());
            rows++;
        }
        assertEquals(4, rows, "fp32 and int4 at two prompt lengths: " + md);
    }

    /** Half a unit of the printed percentage plus half a unit of the printed attained value's last digit, in percent. */
    private static double tolerance(String printedAttained, double ceiling) {
        int dot = printedAttained.indexOf('.');
        double halfUnit = 0.5 * Math.pow(10, dot < 0 ? 0 : -(printedAttained.length() - dot - 1));
        return 0.5 + 100 * halfUnit / ceiling + 1e-9;
    }

    @Test
    void withoutCharacterisationTheColumnsSaySo() {
        RunResults r = CharacterisedRun.run().results();
        List<CellResult> tokens = r.cells().stream().filter(c -> !(c.workload() instanceof Workload.Characterise)).toList();
        String md = MarkdownSummary.render(List.of(new RunResults(r.schema(), r.runId(), r.started(), r.finished(), r.complete(),
                r.suiteVersion(), r.profileName(), r.profile(), r.commandLine(), r.host(), r.runtimes(), tokens.size(), tokens, null)));
        assertTrue(md.contains("| no characterisation ("), md);
        assertTrue(MarkdownSummary.render(List.of(RealRunFixture.run().results())).contains("| model size not recorded |"),
                "cells of a fork that recorded no token cost");
    }
}
