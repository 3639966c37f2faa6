package dev.aipcbench.harness.runtime.onnxruntime;

import dev.aipcbench.harness.model.ModelFormat;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtEpDevice;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.results.TokenAnatomy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ONNX Runtime Java running onnxruntime-genai model folders with the suite's own generation loop, its
 * execution provider chosen by device (CPU, OpenVINO, DirectML, QNN, CUDA, plugin EPs).
 */
public final class OrtRuntime implements InferenceRuntime, dev.aipcbench.harness.runtime.GraphRuntime {
    public static final String ID = "onnxruntime";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelFormat modelFormat() {
        return ModelFormat.ONNX_GENAI;
    }

    @Override
    public String version() {
        return OrtEnvironments.get().getVersion();
    }

    @Override
    public String location() {
        return "bundled with the suite (Maven com.microsoft.onnxruntime:onnxruntime, its CPU build)";
    }

    @Override
    public boolean installed() {
        return true; // ONNX Runtime Java ships inside the suite's jar
    }

    @Override
    public List<String> providers() {
        OpenVinoEpPlugin.register(OrtEnvironments.get());
        List<OrtEpDevice> devices = OrtExecutionProviders.epDevices(OrtEnvironments.get());
        return devices.stream().map(d -> d.getEpName() + "/" + d.getDevice().getType()).collect(Collectors.toList());
    }

    @Override
    public Availability availability(Device device, Precision precision) {
        OrtEnvironment env = OrtEnvironments.get();
        try (OrtSession.SessionOptions probe = new OrtSession.SessionOptions()) {
            OrtExecutionProviders.configure(env, probe, device, Map.of());
            return Availability.available();
        } catch (DeviceUnavailableException e) {
            return Availability.skipped(e.getMessage());
        } catch (OrtException e) {
            return Availability.skipped("ONNX Runtime cannot add the execution provider for " + device + ": " + e.getMessage());
        }
    }

    @Override
    public GenerationSession open(Path modelFolder, SessionSettings settings) {
        return OrtGenerationSession.open(ModelFolder.open(modelFolder), settings);
    }

    @Override
    public BareGraph open(Path folder, dev.aipcbench.harness.model.probe.ProbeGraph graph, SessionSettings settings, int rows) {
        return OrtBareGraph.open(folder, graph, settings, rows);
    }

    /**
     * A prefill of {@link InferenceRuntime#profiledPrompt} tokens and {@value #PROFILED_STEPS} decode steps under ONNX Runtime's profiler:
     * the prefill's anatomy, and the median decode step's, after a warm-up prefill and step ({@value #WARM_RUNS} runs).
     */
    @Override
    public Map<String, String> executionProfile(Path modelFolder, SessionSettings settings, Path workDir) {
        Path trace;
        int[] prompt;
        try (OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(modelFolder), settings,
                workDir.resolve("ort-profile"))) {
            prompt = new int[InferenceRuntime.profiledPrompt(settings)];
            java.util.Arrays.fill(prompt, 1);
            // a warm-up prefill and step first: the first runs grow the memory arena, which no timed shot pays
            int token = s.decode(s.prefill(prompt));
            token = s.prefill(prompt);
            for (int i = 0; i < PROFILED_STEPS; i++) {
                token = s.decode(token);
            }
            trace = s.endProfiling();
        }
        try {
            OrtProfile profile = OrtProfile.read(trace);
            Map<String, String> out = new java.util.LinkedHashMap<>();
            out.put("ep_node_assignment", profile.describeAssignment());
            if (profile.runs() == WARM_RUNS + 1 + PROFILED_STEPS) {
                out.putAll(TokenAnatomy.facts(TokenAnatomy.Step.PREFILL, profile.opShare(WARM_RUNS), profile.runMillis(WARM_RUNS),
                        profile.kernelMillis(WARM_RUNS), prompt.length));
                // the median decode step, so one step another process delayed does not speak for the cell
                int first = WARM_RUNS + 1;
                int step = java.util.stream.IntStream.range(first, profile.runs()).boxed()
                        .sorted(java.util.Comparator.comparingDouble(profile::runMillis)).toList().get(PROFILED_STEPS / 2);
                out.putAll(TokenAnatomy.facts(TokenAnatomy.Step.DECODE, profile.opShare(step), profile.runMillis(step),
                        profile.kernelMillis(step), prompt.length + step - first));
            }
            return out;
        } catch (java.io.IOException e) {
            return Map.of("ep_node_assignment", "ONNX Runtime's profile " + trace + " could not be read: " + e.getMessage());
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(trace);
            } catch (java.io.IOException ignored) {
                // a trace left in the fork's folder is harmless
            }
        }
    }


    private static final int WARM_RUNS = 2;
}
