package dev.aipcbench.harness.runtime.environment;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code runtimes install} against the real index and the suite's real runtime environment (which test.sh sets up
 * before the tests): installing again is a no-op said per package, and a pinned package the index has no wheel of
 * for this platform (the NPU Acceleration Library, a source build only on Linux) is refused in one line naming it
 * and why, without touching the rest.
 */
class RuntimeInstallerTest {

    @Test
    void installedPackagesAreLeftAloneAndOneWithoutAWheelIsRefusedSayingSo() throws IOException {
        RuntimeEnvironment env = RuntimeEnvironment.current();
        assertTrue(Files.isExecutable(env.pythonExecutable()), "the suite's runtime environment (./run-bench.sh runtimes install) at " + env.root());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<RuntimeInstaller.Outcome> outcomes = new RuntimeInstaller(env, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .install(List.of("onnxruntime-genai", "npu-acceleration-library"));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("onnxruntime-genai==0.18.0", "onnxruntime==1.32.0", "intel-npu-acceleration-library==1.4.0"),
                outcomes.stream().map(RuntimeInstaller.Outcome::spec).toList(), text);
        assertEquals(List.of(RuntimeInstaller.Result.ALREADY, RuntimeInstaller.Result.ALREADY, RuntimeInstaller.Result.REFUSED),
                outcomes.stream().map(RuntimeInstaller.Outcome::result).toList(), text);
        List<String> refused = text.lines().filter(l -> l.contains("REFUSED")).toList();
        assertEquals(1, refused.size(), text);
        assertTrue(refused.get(0).contains("intel-npu-acceleration-library==1.4.0")
                && refused.get(0).contains("no wheel of it for " + PinnedPackages.platform() + " on the index, only a source build"), refused.get(0));
    }
}
