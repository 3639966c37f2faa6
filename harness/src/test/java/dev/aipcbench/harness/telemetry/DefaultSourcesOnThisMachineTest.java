package dev.aipcbench.harness.telemetry;

import dev.aipcbench.harness.telemetry.catalog.TelemetrySources;

import dev.aipcbench.results.TelemetryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real recording with the default sources against the real root, following a real child process:
 * what this machine has is recorded, what it lacks is listed as unavailable with the reason found.
 */
class DefaultSourcesOnThisMachineTest {
    private static final String OS = System.getProperty("os.name");
    private static final boolean LINUX = OS.startsWith("Linux");

    @TempDir
    Path dir;

    /** Lets the test wait until OSHI has read the followed child's memory and the CPU load a few times. */
    private record ForkReadings(PolledSource oshi, CountDownLatch rss, CountDownLatch load) implements PolledSource {
        @Override
        public String id() {
            return oshi.id();
        }

        @Override
        public long intervalMs() {
            return oshi.intervalMs();
        }

        @Override
        public Availability probe() {
            return oshi.probe();
        }

        @Override
        public void follow(long pid) {
            oshi.follow(pid);
        }

        @Override
        public void begin() {
            oshi.begin();
        }

        @Override
        public void sample(long tNanos, SampleSink sink) throws IOException {
            oshi.sample(tNanos, new SampleSink() {
                @Override
                public void gauge(long t, String signal, String unit, double value) {
                    if (signal.equals("fork_rss_mb")) {
                        rss.countDown();
                    } else if (signal.equals("cpu_load_pct")) {
                        load.countDown();
                    }
                    sink.gauge(t, signal, unit, value);
                }

                @Override
                public void energy(long t, String signal, double joules) {
                    sink.energy(t, signal, joules);
                }
            });
        }
    }

    @Test
    void recordsOshiAndTheChildsPeakRssAndSaysWhyTheOtherSourcesAreAbsent() throws Exception {
        CountDownLatch forkReadings = new CountDownLatch(3);
        CountDownLatch loadReadings = new CountDownLatch(2);
        List<TelemetrySource> sources = new ArrayList<>();
        for (TelemetrySource s : TelemetrySources.defaults(TelemetryConfig.defaults())) {
            sources.add(s.id().equals("oshi") ? new ForkReadings((PolledSource) s, forkReadings, loadReadings) : s);
        }
        Process child = startChild();
        TelemetryRecording recording;
        try (TelemetryRecorder recorder = TelemetryRecorder.start(sources, dir.resolve("telemetry/cell"))) {
            recorder.follow(child.pid());
            assertTrue(forkReadings.await(120, TimeUnit.SECONDS), "OSHI reads the child's memory");
            assertTrue(loadReadings.await(120, TimeUnit.SECONDS), "OSHI reads the CPU load");
            recording = recorder.stop(32);
        } finally {
            child.getOutputStream().close();
            child.waitFor(60, TimeUnit.SECONDS);
        }
        Map<String, TelemetryResult.Source> byId = recording.sources().stream()
                .collect(Collectors.toMap(TelemetryResult.Source::source, s -> s));

        TelemetryResult.Source oshi = byId.get("oshi");
        assertEquals("ok", oshi.status());
        assertEquals(100.0, oshi.intervalMs());
        TelemetryResult.Signal load = oshi.signals().get("cpu_load_pct");
        assertTrue(load.n() >= 2 && load.min() >= 0 && load.peak() <= 100, "CPU load " + load);
        assertTrue(oshi.signals().get("mem_used_mb").avg() > 0);
        TelemetryResult.Signal rss = oshi.signals().get("fork_rss_mb");
        assertTrue(rss.n() >= 3 && rss.peak() >= 32, "the child holds 32 MB resident: " + rss);

        if (LINUX) {
            assertAbsentOrReported(byId.get("intel-npu"), "/sys/class/accel", "no /sys/class/accel/accel* device");
            assertAbsentOrReported(byId.get("intel-gpu"), "/sys/class/drm", "no Intel i915/xe card under /sys/class/drm");
            assertAbsentOrReported(byId.get("rapl"), "/sys/class/powercap", "no /sys/class/powercap/intel-rapl* zone");
            assertAbsentOrReported(byId.get("amd-gpu"), "/sys/class/drm", "no AMD card with gpu_busy_percent under /sys/class/drm");
            assertEquals("not Windows", byId.get("windows-pdh").reason());
        }
        if (SearchPath.fromEnvironment().find("nvidia-smi").isEmpty()) {
            assertEquals("nvidia-smi not found on PATH", byId.get("nvidia-smi").reason());
        }
        for (TelemetryResult.Source s : recording.sources()) {
            assertTrue(s.status().equals("ok") ^ s.reason() != null, "ok, or unavailable with a reason: " + s);
            assertTrue(s.status().equals("ok") || s.signals() == null, "an unavailable source has no values: " + s);
        }

        Path csv = dir.resolve(TelemetryRecording.seriesFile("onnxruntime/cpu/int4/generate-p128-g32"));
        recording.writeSeries(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("t_ms,source,signal,unit,value", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",oshi,fork_rss_mb,MB,")), "the series holds the child's RSS");
    }

    /** The device's folder is missing here: the exact reason; it exists: the source works or says why not. */
    private static void assertAbsentOrReported(TelemetryResult.Source source, String folder, String reasonWhenAbsent) {
        assertNotNull(source);
        if (!Files.isDirectory(Path.of(folder))) {
            assertEquals(new TelemetryResult.Source(source.source(), "unavailable", reasonWhenAbsent, null, null), source);
        } else {
            assertTrue(source.status().equals("ok") || !source.reason().isBlank(), source.toString());
        }
    }

    private static Process startChild() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classes = Path.of(ChildProcessMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", classes,
                ChildProcessMain.class.getName()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String first = out.readLine();
        assertFalse(first == null || !first.startsWith("ready"), "the child started: " + first);
        return child;
    }
}
