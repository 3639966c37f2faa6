package dev.aipcbench.harness.telemetry;

import dev.aipcbench.results.TelemetryResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryRecorderTest {

    @TempDir
    Path dir;

    /** Counts its samples: level_pct = 1, 2, 3, ... and 0.5 J per interval after the first. */
    static final class CountingSource implements PolledSource {
        final CountDownLatch threeSamples = new CountDownLatch(3);
        final List<Long> followed = Collections.synchronizedList(new ArrayList<>());
        volatile int samples;

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public long intervalMs() {
            return 20;
        }

        @Override
        public Availability probe() {
            return Availability.ok();
        }

        @Override
        public void follow(long pid) {
            followed.add(pid);
        }

        @Override
        public void begin() {
            samples = 0;
        }

        @Override
        public void sample(long tNanos, SampleSink sink) {
            samples++;
            sink.gauge(tNanos, "level_pct", "%", samples);
            if (samples > 1) {
                sink.energy(tNanos, "package_energy_j", 0.5);
            }
            threeSamples.countDown();
        }
    }

    /** A polled source with fixed availability that fails every reading. */
    record FixedSource(String id, Availability availability, RuntimeException probeFailure) implements PolledSource {
        @Override
        public long intervalMs() {
            return 20;
        }

        @Override
        public Availability probe() {
            if (probeFailure != null) {
                throw probeFailure;
            }
            return availability;
        }

        @Override
        public void begin() {
        }

        @Override
        public void sample(long tNanos, SampleSink sink) throws IOException {
            throw new IOException("boom");
        }
    }

    /** A streaming source that pushes three readings when started. */
    record PushingSource(String id, Availability onStop, IOException onStart) implements StreamingSource {
        @Override
        public long intervalMs() {
            return 1000;
        }

        @Override
        public Availability probe() {
            return Availability.ok();
        }

        @Override
        public void start(SampleSink sink, RecordingContext recording) throws IOException {
            if (onStart != null) {
                throw onStart;
            }
            for (int i = 1; i <= 3; i++) {
                sink.gauge(recording.now(), "gpu0_busy_pct", "%", 10 * i);
            }
        }

        @Override
        public Availability stop() {
            return onStop;
        }
    }

    @Test
    void summarisesEachSourceAndDividesEnergyByTheGeneratedTokens() throws Exception {
        CountingSource counting = new CountingSource();
        List<TelemetrySource> sources = List.of(counting,
                new FixedSource("absent", Availability.unavailable("no such device"), null),
                new FixedSource("broken", Availability.ok(), new IllegalStateException("broken probe")),
                new FixedSource("failing", Availability.ok(), null),
                new PushingSource("streaming", Availability.ok(), null),
                new PushingSource("crashed", Availability.unavailable("tool crashed"), null),
                new PushingSource("missing", Availability.ok(), new IOException("no tool")));
        TelemetryRecording recording;
        try (TelemetryRecorder recorder = TelemetryRecorder.start(sources, null)) {
            assertTrue(counting.threeSamples.await(30, TimeUnit.SECONDS), "the sampler runs");
            recorder.follow(4242);
            recording = recorder.stop(10);
        }
        Map<String, TelemetryResult.Source> byId = recording.sources().stream()
                .collect(Collectors.toMap(TelemetryResult.Source::source, s -> s));
        assertEquals(List.of("counting", "absent", "broken", "failing", "streaming", "crashed", "missing"),
                recording.sources().stream().map(TelemetryResult.Source::source).toList(), "sources keep their order");

        int n = counting.samples;
        TelemetryResult.Source ok = byId.get("counting");
        assertEquals("ok", ok.status());
        assertNull(ok.reason());
        assertEquals(20.0, ok.intervalMs());
        TelemetryResult.Signal level = ok.signals().get("level_pct");
        assertEquals(new TelemetryResult.Signal("%", n, (n + 1) / 2.0, n, 1, null, null), level);
        TelemetryResult.Signal energy = ok.signals().get("package_energy_j");
        assertEquals("J", energy.unit());
        assertEquals(n - 1, energy.n());
        assertEquals(0.5 * (n - 1), energy.total(), 1e-9);
        assertEquals(0.5 * (n - 1) / 10, energy.perToken(), 1e-9);
        assertEquals(List.of(4242L), counting.followed);

        assertEquals(new TelemetryResult.Source("absent", "unavailable", "no such device", null, null), byId.get("absent"));
        assertEquals("probe failed: IllegalStateException: broken probe", byId.get("broken").reason());
        assertEquals("failed while sampling: IOException: boom", byId.get("failing").reason());
        assertEquals(3, byId.get("streaming").signals().get("gpu0_busy_pct").n());
        assertEquals(30.0, byId.get("streaming").signals().get("gpu0_busy_pct").peak());
        assertEquals("tool crashed", byId.get("crashed").reason());
        assertNull(byId.get("crashed").signals(), "an unavailable source reports no values, not zeros");
        assertEquals("could not start: IOException: no tool", byId.get("missing").reason());

        TelemetryResult result = recording.result("telemetry/cell.csv");
        assertEquals("telemetry/cell.csv", result.seriesFile());
        assertEquals(recording.sources(), result.sources());
    }

    @Test
    void writesTheSeriesInLongFormatOldestFirst() throws Exception {
        CountingSource counting = new CountingSource();
        TelemetryRecording recording;
        try (TelemetryRecorder recorder = TelemetryRecorder.start(List.of(counting,
                new PushingSource("streaming", Availability.ok(), null),
                new FixedSource("absent", Availability.unavailable("no such device"), null)), null)) {
            assertTrue(counting.threeSamples.await(30, TimeUnit.SECONDS));
            recording = recorder.stop(0);
        }
        Path csv = dir.resolve("results/telemetry/onnxruntime_cpu_int4_generate-p128-g32.csv");
        recording.writeSeries(csv);

        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().get())) {
            assertEquals(List.of("t_ms", "source", "signal", "unit", "value"), p.getHeaderNames());
            rows = p.getRecords();
        }
        int n = counting.samples;
        assertEquals(n + (n - 1) + 3, rows.size(), "every reading of the available sources, nothing of the others");
        long previous = Long.MIN_VALUE;
        for (CSVRecord r : rows) {
            long t = Long.parseLong(r.get("t_ms"));
            assertTrue(t >= previous && t >= 0, "oldest first: " + rows);
            previous = t;
        }
        List<String> levels = rows.stream().filter(r -> r.get("signal").equals("level_pct")).map(r -> r.get("value")).toList();
        assertEquals("1", levels.get(0));
        assertEquals("%", rows.stream().filter(r -> r.get("signal").equals("level_pct")).findFirst().orElseThrow().get("unit"));
        assertTrue(rows.stream().noneMatch(r -> r.get("source").equals("absent")));
        assertTrue(rows.stream().anyMatch(r -> r.get("source").equals("streaming") && r.get("value").equals("30")));
        assertTrue(Files.list(csv.getParent()).allMatch(f -> f.equals(csv)), "no temporary file left beside it");
        assertNull(recording.sources().get(0).signals().get("package_energy_j").perToken(), "no tokens, no per-token value");
    }

    @Test
    void stopsOnceAndCloseAfterStopDoesNothing() {
        TelemetryRecorder recorder = TelemetryRecorder.start(List.of(), null);
        TelemetryRecording recording = recorder.stop(5);
        assertEquals(List.of(), recording.sources());
        assertEquals(5, recording.generatedTokens());
        assertThrows(IllegalStateException.class, () -> recorder.stop(5));
        recorder.close();
    }

    @Test
    void namesSeriesFilesAfterTheCellAndFormatsValuesCompactly() {
        assertEquals("telemetry/onnxruntime_cpu_int4_generate-p128-g32.csv",
                TelemetryRecording.seriesFile("onnxruntime/cpu/int4/generate-p128-g32"));
        assertEquals("12", TelemetryRecording.format(12.0));
        assertEquals("93.12346", TelemetryRecording.format(93.123456789));
        assertEquals("0.000123456", TelemetryRecording.format(0.000123456));
        assertEquals("-3.5", TelemetryRecording.format(-3.5));
    }
}
