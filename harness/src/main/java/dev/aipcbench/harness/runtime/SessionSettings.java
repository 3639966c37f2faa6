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
 */
public record SessionSettings(Device device, int intraOpThreads, String optimization, int maxSequenceLength,
                              Map<String, String> providerOptions, Path compileCache) {
    public SessionSettings {
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
        return new SessionSettings(Device.CPU, 0, "all", 0, Map.of(), null);
    }

    public SessionSettings withMaxSequenceLength(int length) {
        return new SessionSettings(device, intraOpThreads, optimization, length, providerOptions, compileCache);
    }

    public SessionSettings withThreads(int threads) {
        return new SessionSettings(device, threads, optimization, maxSequenceLength, providerOptions, compileCache);
    }

    public SessionSettings withDevice(Device d) {
        return new SessionSettings(d, intraOpThreads, optimization, maxSequenceLength, providerOptions, compileCache);
    }

    public SessionSettings withCompileCache(Path dir) {
        return new SessionSettings(device, intraOpThreads, optimization, maxSequenceLength, providerOptions, dir);
    }
}
