package dev.aipcbench.harness.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A benchmark profile ({@code profiles/*.json}): what to measure and how hard. Documented field by field
 * in profiles/README.md; read and validated by {@link ProfileReader}.
 *
 * @param name         profile name (file name without .json)
 * @param description  one line for humans
 * @param model        where models come from
 * @param devices      devices to plan
 * @param precisions   weight precisions to plan
 * @param runtimes     runtime ids to plan
 * @param workloads    what each cell measures
 * @param jmh          forks, warm-up and measured iterations, timeout
 * @param session      runtime session options
 * @param telemetry    telemetry sampling
 * @param providerOptions execution-provider options per device (hardware profiles)
 * @param thresholds   the regression gate's thresholds (raw JSON, read by the gate)
 */
public record Profile(String name, String description, ModelSource model, List<Device> devices,
                      List<Precision> precisions, List<String> runtimes, Workloads workloads, Jmh jmh, Session session,
                      Telemetry telemetry, Map<Device, Map<String, String>> providerOptions, JsonNode thresholds) {

    /**
     * Synthetic models (a size preset, or custom dimensions over the preset when {@code size} is null,
     * and a seed) for the onnx-genai format, and optional folders per
     * model format and precision for real models ({@code folders.onnx-genai.int4 = "/models/phi3-int4"}).
     */
    public record ModelSource(String syntheticSize, ModelDimensions dims, long seed, Map<String, Map<Precision, Path>> folders) {
        public Path folder(String format, Precision precision) {
            Map<Precision, Path> byPrecision = folders.get(format);
            return byPrecision == null ? null : byPrecision.get(precision);
        }
    }

    /** Prompt lengths, generated tokens and context depths per workload kind; empty lists switch a kind off. */
    public record Workloads(List<Integer> generatePromptTokens, int genTokens, List<Integer> prefillPromptTokens,
                            List<Integer> decodeContextDepths, boolean load) {
    }

    /**
     * @param decodeIterations measured shots of the decode workload, which are single steps and need more
     *                         shots than a whole generation for the same confidence
     */
    public record Jmh(int forks, int warmupIterations, int iterations, int decodeIterations, int timeoutMinutes) {
    }

    public record Session(int threads, String optimization, String sampling) {
    }

    /**
     * @param etw     capture an ETW trace of the GPU kernel driver beside each cell (Windows, elevated)
     * @param exclude telemetry source ids never to run (e.g. {@code nvidia-smi})
     */
    public record Telemetry(boolean enabled, int intervalMs, int npuIntervalMs, boolean etw, List<String> exclude) {
    }

    public Profile withDevices(List<Device> d) {
        return new Profile(name, description, model, d, precisions, runtimes, workloads, jmh, session, telemetry, providerOptions, thresholds);
    }

    public Profile withPrecisions(List<Precision> p) {
        return new Profile(name, description, model, devices, p, runtimes, workloads, jmh, session, telemetry, providerOptions, thresholds);
    }

    public Profile withRuntimes(List<String> r) {
        return new Profile(name, description, model, devices, precisions, r, workloads, jmh, session, telemetry, providerOptions, thresholds);
    }

    public Profile withWorkloads(Workloads w) {
        return new Profile(name, description, model, devices, precisions, runtimes, w, jmh, session, telemetry, providerOptions, thresholds);
    }

    public Profile withJmh(Jmh j) {
        return new Profile(name, description, model, devices, precisions, runtimes, workloads, j, session, telemetry, providerOptions, thresholds);
    }

    public Profile withSession(Session s) {
        return new Profile(name, description, model, devices, precisions, runtimes, workloads, jmh, s, telemetry, providerOptions, thresholds);
    }

    public Profile withTelemetry(Telemetry t) {
        return new Profile(name, description, model, devices, precisions, runtimes, workloads, jmh, session, t, providerOptions, thresholds);
    }
}
