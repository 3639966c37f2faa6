package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.runtime.environment.RuntimeEnvironment;
import dev.aipcbench.harness.runtime.openvino.OpenVinoCore;
import dev.aipcbench.harness.runtime.openvino.OvCoreLocations;

import java.util.List;

/**
 * Run in a fresh JVM by {@link LlamaCppBuildsTest}: the real OpenVINO C API first (libopenvino exports its
 * own copy of std::regex's code), then both real libllama builds, as the tests' JVM and the agreement probe
 * may; prints what loaded. Before every runtime library was opened {@code RTLD_LOCAL}, the built-in build
 * aborted here on load ("free(): invalid pointer").
 */
public final class AfterOpenVinoProbe {
    private AfterOpenVinoProbe() {
    }

    public static void main(String[] args) {
        RuntimeEnvironment environment = RuntimeEnvironment.current();
        OpenVinoCore core = OvCoreLocations.loadFirst(OvCoreLocations.candidates(environment), c -> OpenVinoCore.load(c.lookup()));
        System.out.println("openvino " + core.availableDevices());
        for (var build : RealLlamaBuilds.both().entrySet()) {
            LlamaApi api = LlamaApi.load(List.of(LlamaCppBuilds.at(build.getValue())));
            System.out.println(build.getKey() + " " + api.backends());
        }
    }
}
