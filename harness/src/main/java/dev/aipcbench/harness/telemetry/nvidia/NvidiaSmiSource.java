package dev.aipcbench.harness.telemetry.nvidia;

import dev.aipcbench.harness.telemetry.SignalName;
import dev.aipcbench.harness.telemetry.Availability;
import dev.aipcbench.harness.telemetry.CommandLineStream;
import dev.aipcbench.harness.telemetry.PowerIntegrator;
import dev.aipcbench.harness.telemetry.ProcessStarter;
import dev.aipcbench.harness.telemetry.RecordingContext;
import dev.aipcbench.harness.telemetry.SampleSink;
import dev.aipcbench.harness.telemetry.SearchPath;
import dev.aipcbench.harness.telemetry.StreamingSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * NVIDIA GPUs through one streaming {@code nvidia-smi --query-gpu=... --format=csv,noheader,nounits -lms <ms>}
 * process, read line by line.
 * <p>
 * Signals per GPU index {@code i}: {@code gpu<i>_busy_pct}, {@code gpu<i>_memory_used_mb},
 * {@code gpu<i>_power_w}, {@code gpu<i>_energy_j} (power integrated over the interval),
 * {@code gpu<i>_freq_mhz (SM clock)}, {@code gpu<i>_temp_c}.
 */
public final class NvidiaSmiSource implements StreamingSource {
    public static final String ID = "nvidia-smi";
    public static final String QUERY =
            "timestamp,index,name,utilization.gpu,memory.used,power.draw,clocks.sm,temperature.gpu";

    private final long intervalMs;
    private final ProcessStarter starter;
    private final SearchPath searchPath;
    // touched by the reader thread only, and by start() before the reader exists
    private final Map<Integer, GpuSignals> byIndex = new ConcurrentHashMap<>();
    private final AtomicLong readings = new AtomicLong();
    private CommandLineStream stream;
    private SampleSink sink;
    private RecordingContext recording;

    /** Signal names and energy integration of one GPU, made once rather than per line. */
    private static final class GpuSignals {
        final String util;
        final String memory;
        final String power;
        final String energy;
        final String clock;
        final String temperature;
        final PowerIntegrator integrator = new PowerIntegrator();

        GpuSignals(int index) {
            String p = "gpu" + index + "_";
            String device = "gpu" + index;
            util = SignalName.of(device, SignalName.Quantity.BUSY).name();
            memory = SignalName.of(device, SignalName.Quantity.MEMORY_USED).name();
            power = SignalName.of(device, SignalName.Quantity.POWER).name();
            energy = p + "energy_j";
            clock = SignalName.of(device, SignalName.Quantity.FREQUENCY).name();
            temperature = SignalName.of(device, SignalName.Quantity.TEMPERATURE).name();
        }
    }

    public NvidiaSmiSource(long intervalMs, ProcessStarter starter, SearchPath searchPath) {
        this.intervalMs = intervalMs;
        this.starter = starter;
        this.searchPath = searchPath;
    }

    /** The command line: one process that prints a line per GPU every {@code intervalMs}. */
    public static List<String> command(long intervalMs) {
        return List.of("nvidia-smi", "--query-gpu=" + QUERY, "--format=csv,noheader,nounits", "-lms",
                Long.toString(intervalMs));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public long intervalMs() {
        return intervalMs;
    }

    @Override
    public Availability probe() {
        return searchPath.find("nvidia-smi").isPresent()
                ? Availability.ok() : Availability.unavailable("nvidia-smi not found on PATH");
    }

    @Override
    public synchronized void start(SampleSink sink, RecordingContext recording) throws IOException {
        this.sink = sink;
        this.recording = recording;
        byIndex.clear();
        readings.set(0);
        stream = CommandLineStream.start(starter, command(intervalMs), this::line, "telemetry-nvidia-smi");
    }

    /** Takes one line of nvidia-smi's output. */
    void line(String line) {
        NvidiaSmiReading r = NvidiaSmiReading.parse(line);
        if (r == null) {
            return;
        }
        long t = recording.now();
        GpuSignals s = byIndex.computeIfAbsent(r.index(), GpuSignals::new);
        sink.gauge(t, s.util, "%", r.utilizationPct());
        sink.gauge(t, s.memory, "MB", r.memoryUsedMib());
        sink.gauge(t, s.power, "W", r.powerW());
        sink.energy(t, s.energy, s.integrator.joules(t, r.powerW()));
        sink.gauge(t, s.clock, "MHz", r.smClockMhz());
        sink.gauge(t, s.temperature, "C", r.temperatureC());
        readings.incrementAndGet();
    }

    @Override
    public synchronized Availability stop() {
        if (stream == null) {
            return Availability.unavailable("nvidia-smi was not started");
        }
        stream.close();
        CommandLineStream s = stream;
        stream = null;
        if (readings.get() > 0) {
            return Availability.ok();
        }
        String why = s.consumerFailure() != null ? s.consumerFailure()
                : s.lastLine() != null ? s.lastLine() : "exit code " + s.exitCode();
        return Availability.unavailable("nvidia-smi gave no readings: " + why);
    }
}
