package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.runtime.onnxruntime.OrtGenerationSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of issue-2 features, run in-process with stdout and stderr captured. */
class ModelAndGenerateCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatesEveryPrecisionAndEachLoadsAndGenerates(@TempDir Path tmp) {
        for (Precision p : Precision.values()) {
            Path folder = tmp.resolve(p.id());
            assertEquals(0, Main.run("model", "generate", "--size", "tiny", "--precision", p.id(), "--out", folder.toString()), stderr());
            ModelManifest m = ModelManifest.read(folder).orElseThrow();
            assertEquals(p.id(), m.precision());
            assertTrue(stderr().contains("writing weights") && stderr().contains("100%"), "a progress bar is shown");
            try (OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(folder), SessionSettings.cpu().withMaxSequenceLength(16))) {
                TokenTimeline t = new TokenTimeline(4);
                s.generate(new int[] {1, 300, 400}, 4, t);
                assertEquals(4, t.count());
            }
        }
    }

    @Test
    void customDimensionsAndQuantizeAndInspect(@TempDir Path tmp) {
        Path fp32 = tmp.resolve("custom");
        assertEquals(0, Main.run("model", "generate", "--hidden", "128", "--layers", "1", "--heads", "4", "--intermediate", "256",
                "--vocab", "1000", "--context", "256", "--precision", "fp32", "--seed", "7", "--out", fp32.toString()), stderr());
        Path int8 = tmp.resolve("int8");
        assertEquals(0, Main.run("model", "quantize", "--in", fp32.toString(), "--precision", "int8", "--out", int8.toString()), stderr());
        assertTrue(stderr().contains("quantized 5 MatMuls"), stderr());
        assertEquals(0, Main.run("model", "inspect", int8.toString()));
        assertTrue(stdout().contains("com.microsoft:MatMulNBits=5") && stdout().contains("vocab_size                 1000"), stdout());
    }

    @Test
    void generateStreamsTextAndEndsWithTheTimings(@TempDir Path tmp) {
        Path model = tmp.resolve("m");
        assertEquals(0, Main.run("model", "generate", "--size", "tiny", "--precision", "int4", "--out", model.toString()));
        assertEquals(0, Main.run("generate", "--model", model.toString(), "--prompt", "Can you introduce yourself?",
                "--max-new-tokens", "12", "--ignore-eos"), stderr());
        assertTrue(stdout().strip().length() > 0, "text was streamed");
        assertTrue(stderr().matches("(?s).*TTFT [0-9.]+ ms \\| TPOT [0-9.]+ ms \\| [0-9.]+ tokens/s \\| 12 tokens.*"), stderr());
        assertEquals(0, Main.run("generate", "--model", model.toString(), "--prompt-tokens", "40", "--max-new-tokens", "5",
                "--sampling", "java", "--ignore-eos"));
        assertTrue(stderr().contains("prompt 40 tokens"), stderr());
    }

    @Test
    void generateWithoutAModelUsesTheCachedTinyInt4(@TempDir Path tmp) throws Exception {
        // The cache comes from $AIPC_BENCH_CACHE in real use; the test points the default cache at a
        // temporary folder through the same code path the launcher uses.
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", tmp.toString());
        try {
            assertEquals(0, Main.run("generate", "--prompt-tokens", "8", "--max-new-tokens", "3", "--ignore-eos"), stderr());
            assertTrue(Files.isDirectory(tmp.resolve(".cache/aipc-bench/models/phi3-tiny-int4-b32-acc4-seed42")));
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path tmp) {
        assertEquals(2, Main.run("model", "generate", "--precision", "int3", "--out", tmp.resolve("x").toString()));
        assertTrue(stderr().contains("run-bench: unknown precision 'int3': expected one of fp32, fp16, int8, int4"), stderr());
        assertEquals(2, Main.run("generate", "--model", tmp.resolve("missing").toString()));
        assertTrue(stderr().contains("missing: model folder not found"), stderr());
        assertEquals(2, Main.run("model", "quantize", "--in", tmp.toString(), "--precision", "int4", "--out", tmp.resolve("q").toString()));
        assertTrue(stderr().contains("genai_config.json: not found"), stderr());
        assertEquals(2, Main.run("model", "generate", "--no-such-flag"));
        assertTrue(stderr().contains("Unknown option: '--no-such-flag'"), stderr());
        for (String line : stderr().split("\n")) {
            assertTrue(line.startsWith("run-bench: "), "every error is one line: " + line);
        }
    }
}
