package dev.aipcbench.harness.telemetry;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineStreamTest {

    @Test
    void handsOnTheLinesOfARealProcessWithItsErrorsMerged() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> lines = new CopyOnWriteArrayList<>();
        // java -version prints on stderr: the starter merges it into stdout, as the tools' errors are
        CommandLineStream stream = CommandLineStream.start(ProcessStarter.SYSTEM, List.of(java, "-version"), lines::add,
                "test-stream");
        assertTrue(stream.awaitEnd(60, TimeUnit.SECONDS));
        stream.close();
        assertEquals(0, stream.exitCode());
        assertFalse(stream.isAlive());
        assertTrue(lines.stream().anyMatch(l -> l.contains("version")), lines.toString());
        assertEquals(lines.get(lines.size() - 1).strip(), stream.lastLine());
    }

    @Test
    void keepsReadingWhenTheConsumerThrows() throws Exception {
        List<String> taken = new CopyOnWriteArrayList<>();
        CommandLineStream stream = CommandLineStream.start(command -> new ReplayedProcess("a\nbad\nc\n", 0), List.of("x"),
                line -> {
                    if (line.equals("bad")) {
                        throw new IllegalArgumentException("cannot take " + line);
                    }
                    taken.add(line);
                }, "test-stream");
        stream.close();
        assertEquals(List.of("a", "c"), taken);
        assertEquals("java.lang.IllegalArgumentException: cannot take bad", stream.consumerFailure());
    }
}
