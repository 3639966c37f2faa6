package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code --devices --precisions --runtimes}: which cells a run plans, mixed into {@code matrix} and {@code characterise}. */
final class CellSelectionOptions {
    @Option(names = "--devices", split = ",", description = "Devices: cpu,igpu,npu,dgpu.")
    List<String> devices;

    @Option(names = "--precisions", split = ",", description = "Precisions: fp32,fp16,int8,int4.")
    List<String> precisions;

    @Option(names = "--runtimes", split = ",", description = "Runtimes, e.g. onnxruntime.")
    List<String> runtimeIds;

    boolean given() {
        return devices != null || precisions != null || runtimeIds != null;
    }

    /** The given ones into a profile layer. */
    void into(ObjectNode layer) {
        ObjectMapper m = Json.PLAIN;
        if (devices != null) {
            layer.set("devices", m.valueToTree(devices));
        }
        if (precisions != null) {
            layer.set("precisions", m.valueToTree(precisions));
        }
        if (runtimeIds != null) {
            layer.set("runtimes", m.valueToTree(runtimeIds));
        }
    }
}
