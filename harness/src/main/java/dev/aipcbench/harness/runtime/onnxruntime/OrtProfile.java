package dev.aipcbench.harness.runtime.onnxruntime;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * ONNX Runtime's own profile of a session (the JSON trace {@code SessionOptions.enableProfiling} writes): which
 * execution provider ran each node, and where a run's time went by operator type. ONNX Runtime Java has no call
 * that lists the graph's node assignment; its profiler names the provider of every kernel it ran, so the split
 * between an accelerator's provider and the CPU fallback is read from there (an OpenVINO EP partition shows as
 * one fused node).
 */
public final class OrtProfile {
    private static final String KERNEL = "_kernel_time";

    /** One kernel execution: the node, its operator type, the provider that ran it, when and how long (us). */
    record Kernel(String node, String op, String provider, long ts, long dur) {
    }

    /** One {@code model_run}: a call of the session (the prefill, then each decode step). */
    record Run(long ts, long dur) {
    }

    private final List<Kernel> kernels;
    private final List<Run> runs;

    private OrtProfile(List<Kernel> kernels, List<Run> runs) {
        this.kernels = kernels;
        this.runs = runs;
    }

    public static OrtProfile read(Path json) throws IOException {
        JsonNode events = Json.PLAIN.readTree(json.toFile());
        List<Kernel> kernels = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        for (JsonNode e : events) {
            String cat = e.path("cat").asText();
            String name = e.path("name").asText();
            if (cat.equals("Node") && name.endsWith(KERNEL)) {
                JsonNode args = e.path("args");
                kernels.add(new Kernel(name.substring(0, name.length() - KERNEL.length()), args.path("op_name").asText("?"),
                        args.path("provider").asText("?"), e.path("ts").asLong(), e.path("dur").asLong()));
            } else if (cat.equals("Session") && name.equals("model_run")) {
                runs.add(new Run(e.path("ts").asLong(), e.path("dur").asLong()));
            }
        }
        runs.sort(Comparator.comparingLong(Run::ts));
        return new OrtProfile(kernels, runs);
    }

    /** Distinct nodes per provider, and per operator type within it. */
    public Map<String, Map<String, Integer>> assignment() {
        Map<String, Map<String, Set<String>>> nodes = new TreeMap<>();
        for (Kernel k : kernels) {
            nodes.computeIfAbsent(k.provider(), p -> new TreeMap<>()).computeIfAbsent(k.op(), o -> new LinkedHashSet<>()).add(k.node());
        }
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        nodes.forEach((provider, ops) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            ops.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size())
                    .forEach(o -> counts.put(o.getKey(), o.getValue().size()));
            out.put(provider, counts);
        });
        return out;
    }

    /** {@code CPUExecutionProvider 58 nodes (MatMulNBits 14, SimplifiedLayerNormalization 5, ...)}, providers joined by "; ". */
    public String describeAssignment() {
        List<String> parts = new ArrayList<>();
        assignment().forEach((provider, ops) -> {
            int total = ops.values().stream().mapToInt(Integer::intValue).sum();
            parts.add(provider + " " + total + " node" + (total == 1 ? "" : "s") + " (" + ops.entrySet().stream()
                    .map(o -> o.getKey() + " " + o.getValue()).collect(Collectors.joining(", ")) + ")");
        });
        return String.join("; ", parts);
    }

    /** The number of session runs profiled. */
    public int runs() {
        return runs.size();
    }

    /**
     * Where run {@code index}'s kernel time went, by operator type, largest first, in percent of the kernels'
     * total: {@code MatMulNBits 81.2%, GroupQueryAttention 6.0%, ...}. Run 0 is the prefill; the last, a decode step.
     */
    public Map<String, Double> opShare(int index) {
        Run run = runs.get(index);
        Map<String, Long> byOp = new LinkedHashMap<>();
        long total = 0;
        for (Kernel k : kernels) {
            if (k.ts() >= run.ts() && k.ts() <= run.ts() + run.dur()) {
                byOp.merge(k.op(), k.dur(), Long::sum);
                total += k.dur();
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        long all = Math.max(total, 1);
        byOp.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.put(e.getKey(), 100.0 * e.getValue() / all));
        return out;
    }

    /** How long run {@code index} took as ONNX Runtime timed it ({@code model_run}, kernels and what lies between them), ms. */
    public double runMillis(int index) {
        return runs.get(index).dur() / 1000.0;
    }

    /** The kernels' time inside run {@code index}, ms: what {@link #opShare} divides. */
    public double kernelMillis(int index) {
        Run run = runs.get(index);
        return kernels.stream().filter(k -> k.ts() >= run.ts() && k.ts() <= run.ts() + run.dur()).mapToLong(Kernel::dur).sum() / 1000.0;
    }

    /** {@link #opShare} as a line. */
    public String describeOpShare(int index) {
        return dev.aipcbench.results.TokenAnatomy.shareLine(opShare(index));
    }
}
