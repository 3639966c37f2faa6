package dev.aipcbench.harness.runtime.pythondriver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DriverProcess with the real python3 on PATH running echo_driver.py (a test resource). */
class DriverProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DriverProcess start() {
        PythonInterpreter python = PythonInterpreter.onPath();
        if (!python.exists()) {
            throw new AssertionError("python3 is needed on PATH for the Python driver tests: " + python.describe());
        }
        DriverProcess driver = DriverProcess.start("Echo", python, DriverProcessTest.class, "echo_driver.py", List.of("hello"));
        assertEquals("hello", driver.expect("ready", "starting", WAIT).json().path("argument").asText());
        return driver;
    }

    private static ObjectNode request(String key, Object value) {
        return JSON.valueToTree(java.util.Map.of(key, value));
    }

    @Test
    void requestsAndEventsAreJsonLinesStampedOnArrival() {
        try (DriverProcess driver = start()) {
            for (int i = 0; i < 3; i++) {
                long before = System.nanoTime();
                driver.send(request("echo", i), "echoing");
                DriverProcess.Event e = driver.expect("echo", "echoing", WAIT);
                assertEquals(i, e.json().path("value").asInt());
                assertTrue(e.receivedNanos() >= before);
            }
        }
    }

    @Test
    void anErrorEventIsThrownWithItsMessageAndTheDriverGoesOn() {
        try (DriverProcess driver = start()) {
            driver.send(request("fail", "RuntimeError: no such device"), "asking");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.next("loading x", WAIT));
            assertEquals("Echo failed while loading x: RuntimeError: no such device", e.getMessage());
            driver.send(request("echo", "still here"), "echoing");
            assertEquals("still here", driver.expect("echo", "echoing", WAIT).json().path("value").asText());
        }
    }

    @Test
    void aLineThatIsNotJsonOrTheWrongEventIsNamed() {
        try (DriverProcess driver = start()) {
            driver.send(request("garble", true), "asking");
            assertEquals("Echo driver printed 'Traceback? not JSON' while generating; expected one JSON object per line",
                    assertThrows(IllegalStateException.class, () -> driver.next("generating", WAIT)).getMessage());
            driver.send(request("echo", 1), "echoing");
            assertEquals("Echo driver sent 'echo' while finishing; expected 'done'",
                    assertThrows(IllegalStateException.class, () -> driver.expect("done", "finishing", WAIT)).getMessage());
        }
    }

    @Test
    void aDriverThatDiesReportsItsExitStatusAndStderr() {
        try (DriverProcess driver = start()) {
            driver.send(request("die", 7), "asking");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.next("generating", WAIT));
            assertEquals("Echo driver ended while generating (exit status 7); stderr:\ndying", e.getMessage());
            assertFalse(driver.alive());
        }
    }

    @Test
    void aDriverThatSendsNothingInTimeIsKilled() {
        try (DriverProcess driver = start()) {
            driver.send(request("sleep", 60), "asking");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.next("generating", Duration.ofMillis(300)));
            assertTrue(e.getMessage().startsWith("Echo driver sent nothing for 300 ms while generating; it was killed."), e.getMessage());
        }
    }

    @Test
    void closingEndsTheDriverThroughItsStdin() {
        DriverProcess driver = start();
        driver.close();
        assertFalse(driver.alive());
        driver.close();
    }
}
