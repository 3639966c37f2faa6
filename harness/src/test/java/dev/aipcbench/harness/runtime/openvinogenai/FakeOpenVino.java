package dev.aipcbench.harness.runtime.openvinogenai;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.aipcbench.harness.testing.NativeCompiler;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import dev.aipcbench.harness.tokenizer.SyntheticTokenizerWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake OpenVINO (fake_openvino_c.c, fake_openvino_genai_c.c): building an install of both libraries,
 * an IR folder they accept, what the fake pipeline remembers, and the toy pipeline's output.
 */
final class FakeOpenVino {
    /** Read-back functions of the fake openvino_genai_c. */
    interface Probe extends Library {
        String fake_last_device();

        String fake_last_properties();

        String fake_last_prompt();
    }

    private static final java.util.concurrent.atomic.AtomicInteger INSTALLS = new java.util.concurrent.atomic.AtomicInteger();

    private FakeOpenVino() {
    }

    /**
     * Builds openvino_c (with {@code coreDefines}) and openvino_genai_c linked to it into {@code folder};
     * returns openvino_genai_c.
     */
    static Path install(Path folder, List<String> coreDefines, String... genaiDefines) {
        // Each install binds its own fake openvino_c: the soname is the full path (a shared name would hand
        // the dynamic loader whichever fake another test loaded first) and the error setter gets a name of
        // its own (JNA loads libraries RTLD_GLOBAL, so the first fake's setter would take every call).
        Path coreFile = folder.resolve(System.mapLibraryName(OvGenaiBinding.CORE_LIBRARY_NAME));
        String setter = "-Dfake_ov_set_last_error=fake_ov_set_last_error_" + INSTALLS.incrementAndGet();
        List<String> core = new ArrayList<>(List.of("-Wl,-soname," + coreFile, setter));
        coreDefines.forEach(d -> core.add("-D" + d));
        NativeCompiler.sharedLibrary(FakeOpenVino.class, "fake_openvino_c.c", folder, OvGenaiBinding.CORE_LIBRARY_NAME, core);
        List<String> genai = new ArrayList<>(List.of(coreFile.toString(), setter));
        for (String d : genaiDefines) {
            genai.add("-D" + d);
        }
        return NativeCompiler.sharedLibrary(FakeOpenVino.class, "fake_openvino_genai_c.c", folder,
                OpenVinoGenaiRuntime.LIBRARY_NAME, genai);
    }

    /** openvino_genai_c alone in {@code folder}, with no openvino_c anywhere near. */
    static Path alone(Path folder) {
        return NativeCompiler.sharedLibrary(FakeOpenVino.class, "fake_openvino_genai_c.c", folder,
                OpenVinoGenaiRuntime.LIBRARY_NAME, "FAKE_STANDALONE");
    }

    static Probe probe(Path genai) {
        return Native.load(genai.toString(), Probe.class, NativeLibraryLookup.OPTIONS);
    }

    /** An IR folder as optimum-cli writes one, as far as the fake looks: openvino_model.xml and tokenizer.json. */
    static Path irFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("openvino_model.xml"), "<net name=\"fake\"/>\n");
        SyntheticTokenizerWriter.write(folder.resolve("tokenizer.json"), 512);
        return folder;
    }

    /** The text the toy pipeline streams for {@code count} tokens after {@code prompt}. */
    static String expectedText(String prompt, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append((prompt.getBytes(java.nio.charset.StandardCharsets.UTF_8).length * 31L + i * 7L + 7) % 1000).append(' ');
        }
        return out.toString();
    }
}
