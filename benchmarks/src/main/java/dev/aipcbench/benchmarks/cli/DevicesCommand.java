package dev.aipcbench.benchmarks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.device.HostProbe;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.results.HostInfo;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code run-bench devices}: the host's hardware and what each runtime can run on it. */
@Command(name = "devices", mixinStandardHelpOptions = true, description = "Show this machine's devices and which runtime can use which.")
final class DevicesCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HostInfo host = HostProbe.ofThisMachine().probe();
        List<Map<String, Object>> runtimes = new ArrayList<>();
        for (InferenceRuntime r : RuntimeCatalog.standard().all()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", r.id());
            entry.put("installed", r.installed());
            entry.put("version", r.version());
            entry.put("providers", r.installed() ? r.providers() : List.of());
            Map<String, String> devices = new LinkedHashMap<>();
            for (Device d : Device.values()) {
                Availability a = r.availability(d, Precision.INT4);
                devices.put(d.id(), a.isAvailable() ? "available" : a.kind().name().toLowerCase() + ": " + a.reason());
            }
            entry.put("devices", devices);
            runtimes.add(entry);
        }
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("host", host);
            all.put("runtimes", runtimes);
            System.out.println(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
            return 0;
        }
        System.out.printf("host     %s (%s %s, %s)%n", host.hostname(), host.os(), host.osVersion(), host.arch());
        System.out.printf("cpu      %s, %d cores / %d threads%n", host.cpu().model(), host.cpu().physicalCores(), host.cpu().logicalCores());
        System.out.printf("memory   %.1f GiB%n", host.memoryBytes() / (double) (1L << 30));
        if (host.accelerators().isEmpty()) {
            System.out.println("gpu/npu  none found (OSHI graphics cards, /sys/class/accel or the ComputeAccelerator class)");
        }
        for (HostInfo.Accelerator a : host.accelerators()) {
            System.out.printf("%-8s %s [%s]%n", a.kind(), a.name(), a.evidence());
        }
        System.out.printf("print    %s%n", host.fingerprint());
        for (Map<String, Object> r : runtimes) {
            if (!(Boolean) r.get("installed")) {
                // One line, not one per device: the devices would all repeat the same missing library.
                System.out.printf("%nruntime  %s: not found: %s%n", r.get("id"), verbose.verbose ? r.get("version") : Reasons.brief((String) r.get("version")));
                continue;
            }
            System.out.printf("%nruntime  %s %s%n", r.get("id"), r.get("version"));
            @SuppressWarnings("unchecked")
            Map<String, String> devices = (Map<String, String>) r.get("devices");
            devices.forEach((d, s) -> System.out.printf("  %-6s %s%n", d, verbose.verbose ? s : Reasons.brief(s)));
        }
        return 0;
    }
}
