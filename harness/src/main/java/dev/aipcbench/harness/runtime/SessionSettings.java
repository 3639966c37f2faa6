package dev.aipcbench.harness.runtime;

import dev.aipcbench.harness.device.Device;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a runtime session is opened.
 *
 * @param device            where to run
 * @param intraOpThreads    threads for one inference (0: the runtime's default)
 * @param optimization      graph optimisation level: all, extended, basic or none
 * @param maxSequenceLength KV cache capacity in tokens (0: the model's search.max_length); benchmarks
 *                          size it to prompt + generated tokens so a 4k-context model does not reserve
 *                          gigabytes it never touches
 * @param providerOptions   options passed to the execution provider (e.g. OpenVINO's device_type)
 * @param compileCache      folder for compiled-model caches (NPU/GPU compile results); null for none
 * @param sampling          where greedy sampling runs: {@code runtime} (inside the runtime's call, as
 *                          native generation libraries do; the default) or {@code java} (the suite scans
 *                          the logits row itself)
 */
public record SessionSettings(Device device, int intraOpThreads, String optimization, int maxSequenceLength,
                              Map<String, String> providerOptions, Path compileCache, String sampling) {
    public static final String SAMPLING_RUNTIME = "runtime";
    public static final String SAMPLING_JAVA = "java";

    public SessionSettings {
        sampling = sampling == null ? SAMPLING_RUNTIME : sampling;
        if (!sampling.equals(SAMPLING_RUNTIME) && !sampling.equals(SAMPLING_JAVA)) {
            throw new IllegalArgumentException("sampling must be runtime or java, got '" + sampling + "'");
        }
        providerOptions = providerOptions == null ? Map.of() : Map.copyOf(providerOptions);
        optimization = optimization == null ? "all" : optimization;
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, got " + intraOpThreads);
        }
        if (maxSequenceLength < 0) {
            throw new IllegalArgumentException("max sequence length must be >= 0, got " + maxSequenceLength);
        }
    }

    public static SessionSettings cpu() {
        return new SessionSettings(Device.CPU, 0, "all", 0, Map.of(), null, SAMPLING_RUNTIME);
    }

    public SessionSettings withMaxSequenceLength(int length) {
        return new SessionSettings(device, intraOpThreads, optimization, length, providerOptions, compileCache, sampling);
    }

    public SessionSettings withThreads(int threads) {
        return new SessionSettings(device, threads, optimization, maxSequenceLength, providerOptions, compileCache, sampling);
    }

    public SessionSettings withDevice(Device d) {
        return new SessionSettings(d, intraOpThreads, optimization, maxSequenceLength, providerOptions, compileCache, sampling);
    }

    public SessionSettings withSampling(String where) {
        return new SessionSettings(device, intraOpThreads, optimization, maxSequenceLength, providerOptions, compileCache, where);
    }
}
