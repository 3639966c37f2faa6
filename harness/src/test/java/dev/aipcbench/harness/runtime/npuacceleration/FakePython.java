package dev.aipcbench.harness.runtime.npuacceleration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Fake python3 interpreters (bash scripts from fake_python3.sh) for the NPU acceleration library runtime:
 * one whose import probe succeeds with an NPU, one without an NPU, one where the module is missing. Each
 * lives in its own folder, where it also leaves the last driver script and dtype it was given.
 */
final class FakePython {
    static final String WITH_NPU = "echo '{\"version\": \"1.4.0\", \"npu\": true}'; exit 0";
    static final String WITHOUT_NPU = "echo 'UserWarning: NPU is not available in your system' >&2;"
            + " echo '{\"version\": \"1.4.0\", \"npu\": false}'; exit 0";
    static final String NOT_INSTALLED = "echo 'Traceback (most recent call last):' >&2;"
            + " echo \"ModuleNotFoundError: No module named 'intel_npu_acceleration_library'\" >&2; exit 1";

    private FakePython() {
    }

    /** Writes an executable fake python3 into {@code folder} whose probe runs {@code probe} (bash). */
    static Path create(Path folder, String probe) throws IOException {
        Files.createDirectories(folder);
        String template;
        try (InputStream in = FakePython.class.getResourceAsStream("fake_python3.sh")) {
            if (in == null) {
                throw new AssertionError("test resource fake_python3.sh missing");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path script = folder.resolve("python3");
        Files.writeString(script, template.replace("@PROBE@", probe));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** The toy model's greedy tokens after {@code prompt}. */
    static int[] expected(int[] prompt, int count) {
        int[] out = new int[count];
        int last = prompt[prompt.length - 1];
        for (int i = 0; i < count; i++) {
            last = (int) (((long) last * 31 + (long) (prompt.length - 1 + i) * 7 + 7) % 1000);
            out[i] = last;
        }
        return out;
    }
}
