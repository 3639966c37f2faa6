package dev.aipcbench.harness.runtime.catalog;

import dev.aipcbench.harness.runtime.InferenceRuntime;

import dev.aipcbench.harness.runtime.genai.OrtGenaiRuntime;
import dev.aipcbench.harness.runtime.llamacpp.LlamaCppRuntime;
import dev.aipcbench.harness.runtime.npuacceleration.NpuAccelerationLibraryRuntime;
import dev.aipcbench.harness.runtime.onnxruntime.OrtRuntime;
import dev.aipcbench.harness.runtime.openvino.OpenVinoRuntime;
import dev.aipcbench.harness.runtime.openvinogenai.OpenVinoGenaiRuntime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The runtimes the suite knows, by id, in the order the matrix runs them. */
public final class RuntimeCatalog {
    private final Map<String, InferenceRuntime> byId = new LinkedHashMap<>();

    public RuntimeCatalog(List<InferenceRuntime> runtimes) {
        for (InferenceRuntime r : runtimes) {
            byId.put(r.id(), r);
        }
    }

    /** Every runtime the suite binds; those whose library is absent report it through their availability. */
    public static RuntimeCatalog standard() {
        return STANDARD;
    }

    private static final RuntimeCatalog STANDARD = new RuntimeCatalog(List.of(new OrtRuntime(), new OrtGenaiRuntime(),
            new OpenVinoRuntime(), new OpenVinoGenaiRuntime(), new NpuAccelerationLibraryRuntime(), new LlamaCppRuntime()));

    public List<InferenceRuntime> all() {
        return List.copyOf(byId.values());
    }

    /** The runtime with this id, or a clear error listing the known ones. */
    public InferenceRuntime get(String id) {
        InferenceRuntime r = byId.get(id);
        if (r == null) {
            throw new IllegalArgumentException("unknown runtime '" + id + "': expected one of "
                    + Arrays.stream(byId.keySet().toArray(new String[0])).collect(Collectors.joining(", ")));
        }
        return r;
    }
}
