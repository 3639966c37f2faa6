package dev.aipcbench.benchmarks.jmh;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who the CPU of a window is charged to. A driver process the fork starts and waits for inside one window (OpenVINO
 * GenAI's Python driver around a load shot) did the fork's work: it counts as the fork's own even though it has
 * ended when the window closes, so such a fork is not read as disturbed by "other processes" (it was, at 0.01 cores
 * of its own, in every openvino-genai load cell before).
 */
class IterationCpuTest {

    @Test
    void aChildThatRanAndEndedInsideTheWindowIsTheForksOwnWork() throws Exception {
        IterationCpu cpu = new IterationCpu();
        cpu.begin(false);
        // about a second of one core's shell arithmetic, then gone
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 1500000 ]; do i=$((i+1)); done").start();
        assertTrue(child.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue());
        ForkRecord.Cpu used = cpu.end(true);
        assertTrue(used != null && used.forkCores() > 0.3, "the ended child's core is the fork's: " + used);
    }
}
