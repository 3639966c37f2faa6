package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtEpDevice;
import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.DeviceUnavailableException;
import dev.aipcbench.harness.runtime.GenerationSession;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real OpenVINO EP plugin (the runtime environment's onnxruntime-ep-openvino wheel) in ONNX Runtime
 * Java. The plugin offers EP devices for Intel hardware only: on an Intel CPU the tiny fp32 folder runs
 * through it and must give the CPU EP's tokens; on any other CPU it must be refused saying so.
 */
class OpenVinoEpPluginTest {
    private static final int[] PROMPT = {1, 450, 4996, 17354, 1701, 29916, 432, 17204};
    private static final SessionSettings OPENVINO_CPU = new SessionSettings(Device.CPU, 2, "all", 0,
            Map.of("provider", "OpenVINO", "device_type", "CPU"), null, null);

    private static int[] generate(GenerationSession s) {
        TokenTimeline timeline = new TokenTimeline(16);
        s.generate(PROMPT, 16, timeline);
        return timeline.tokens();
    }

    @Test
    void thePluginRegistersAndRunsTheTinyFolderOnAnIntelCpuOrIsRefusedNamingTheVendor() throws Exception {
        OrtEnvironment env = OrtEnvironments.get();
        assertTrue(Files.isRegularFile(OpenVinoEpPlugin.library()), OpenVinoEpPlugin.library()
                + " is missing: run ./run-bench.sh runtimes install (pip package onnxruntime-ep-openvino)");
        OpenVinoEpPlugin.Registration r = OpenVinoEpPlugin.register(env);
        assertTrue(r.registered(), r.failure());
        assertEquals(r, OpenVinoEpPlugin.register(env));
        List<OrtEpDevice> devices = env.getEpDevices();
        boolean intelCpu = devices.stream().anyMatch(d -> d.getEpName().equals("CPUExecutionProvider") && d.getDevice().getVendorId() == 0x8086);
        int[] cpuEp;
        try (GenerationSession s = new OrtRuntime().open(TestModels.tiny(Precision.FP32), SessionSettings.cpu())) {
            cpuEp = generate(s);
        }
        if (intelCpu) {
            try (GenerationSession s = new OrtRuntime().open(TestModels.tiny(Precision.FP32), OPENVINO_CPU)) {
                assertEquals("OpenVINOExecutionProvider(CPU)", s.info().provider());
                assertArrayEquals(cpuEp, generate(s));
            }
        } else {
            DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                    () -> new OrtRuntime().open(TestModels.tiny(Precision.FP32), OPENVINO_CPU));
            assertTrue(e.getMessage().startsWith("no OpenVINO EP device for CPU: the plugin " + r.library()
                    + " offers none; it serves Intel hardware only (PCI vendor 0x8086) and ONNX Runtime's hardware devices here are [CPU "),
                    e.getMessage());
        }
    }

    @Test
    void onlyTheProviderOptionSelectsThePlugin() {
        assertTrue(OpenVinoEpPlugin.requested(Map.of("provider", "OpenVINO")));
        assertTrue(OpenVinoEpPlugin.requested(Map.of("provider", "OpenVINOExecutionProvider")));
        assertTrue(!OpenVinoEpPlugin.requested(Map.of("device_type", "CPU")));
    }
}
