package dev.aipcbench.harness.telemetry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerIntegratorTest {
    private static final long S = 1_000_000_000L;

    @Test
    void eachReadingCoversTheIntervalSinceThePreviousOne() {
        PowerIntegrator p = new PowerIntegrator();
        assertTrue(Double.isNaN(p.joules(0, 10)), "the first reading only starts the clock");
        assertEquals(20.0, p.joules(2 * S, 10), 1e-9);
        assertEquals(2.5, p.joules(2 * S + S / 2, 5), 1e-9);
    }

    @Test
    void aMissingReadingLeavesTheClockSoTheNextCoversTheGap() {
        PowerIntegrator p = new PowerIntegrator();
        p.joules(0, 10);
        assertTrue(Double.isNaN(p.joules(S, Double.NaN)));
        assertEquals(16.0, p.joules(2 * S, 8), 1e-9);
        p.reset();
        assertTrue(Double.isNaN(p.joules(3 * S, 8)), "reset starts over");
    }
}
