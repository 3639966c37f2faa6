package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.benchmarks.TestRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate on real runs of this machine: runs of the same build pass (A/A); the same cells run with
 * one intra-op thread against a two-thread baseline fail with the TPOT regression named.
 */
class GateOnRealRunsTest {
    @TempDir
    static Path tmp;
    static Path profile;

    @BeforeAll
    static void profile() throws IOException {
        profile = tmp.resolve("gate.json");
        // A model with enough work per step for the second thread to pay (on the tiny model, thread
        // hand-offs cost about what they save): one decode step at depth 256 takes 1.6 ms with two
        // threads and 2.4 ms with one (+47 %, measured). The threshold is the one this kind of machine
        // needs: a shared 2-vCPU VM whose speed drifts by up to 14 % between consecutive runs (six runs
        // of this profile spread 25 %), drift no fork of a single run can show; a dedicated runner gates
        // at the 5 % default. The baseline pools two runs, as the README advises, so part of the drift
        // is in it.
        Files.writeString(profile, "{\"model\": {\"synthetic\": {\"dims\": {\"hidden\": 1024, \"layers\": 4, \"heads\": 16,"
                + " \"intermediate\": 2816}}},"
                + " \"workloads\": {\"generate\": {\"prompt_tokens\": []}, \"decode\": {\"context_depths\": [256]}},"
                + " \"jmh\": {\"forks\": 2, \"warmup_iterations\": 2, \"decode_iterations\": 15},"
                + " \"thresholds\": {\"default\": \"20%\"}}");
    }

    private static Path run(String name, int threads) {
        Path out = tmp.resolve(name);
        assertEquals(0, Main.run("--profile", profile.toString(), "--threads", Integer.toString(threads),
                "--out", out.toString(), "--cache-dir", TestRuns.cacheDir(), "--no-report"));
        return out;
    }

    @Test
    void runsOfTheSameBuildPassAndOneThreadAgainstTwoFailsOnTpot() throws Exception {
        Path a = run("a", 2);
        Path b = run("b", 2);
        Path c = run("c", 2);
        assertEquals(0, Main.run("gate", "--baseline", a.toString(), b.toString(), "--current", c.toString()),
                Files.readString(c.resolve("gate/gate.md")));

        Path slow = run("one-thread", 1);
        assertEquals(1, Main.run("gate", "--baseline", a.toString(), b.toString(), c.toString(), "--current", slow.toString()));
        String md = Files.readString(slow.resolve("gate/gate.md"));
        assertTrue(md.lines().anyMatch(l -> l.contains("onnxruntime/cpu/int4/decode-d256") && l.contains("| tpot_ms |")
                && l.contains("**regression**")), md);
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(slow.resolve("gate/gate.xml").toFile());
        var cases = xml.getElementsByTagName("testcase");
        boolean tpotFailed = false;
        for (int i = 0; i < cases.getLength(); i++) {
            var testcase = (org.w3c.dom.Element) cases.item(i);
            if (testcase.getAttribute("name").contains("tpot_ms") && testcase.getElementsByTagName("failure").getLength() > 0) {
                tpotFailed = true;
            }
        }
        assertTrue(tpotFailed, "gate.xml has a failing tpot_ms testcase");
    }

    @Test
    void missingFoldersAreInputErrors() {
        assertEquals(2, Main.run("gate", "--baseline", tmp.resolve("nope").toString(), "--current", tmp.resolve("nada").toString()));
    }
}
