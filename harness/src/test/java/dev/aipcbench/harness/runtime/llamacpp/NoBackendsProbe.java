package dev.aipcbench.harness.runtime.llamacpp;

import dev.aipcbench.harness.runtime.DeviceUnavailableException;

import java.nio.file.Path;
import java.util.List;

/** Run in a fresh JVM by {@link LlamaCppBuildsTest}: prints why the libllama in the folder given is refused. */
public final class NoBackendsProbe {
    private NoBackendsProbe() {
    }

    public static void main(String[] args) {
        try {
            LlamaApi api = LlamaApi.load(List.of(LlamaCppBuilds.at(Path.of(args[0]))));
            System.out.println("loaded: " + api.backends());
        } catch (DeviceUnavailableException e) {
            System.out.println(e.getMessage());
        }
    }
}
