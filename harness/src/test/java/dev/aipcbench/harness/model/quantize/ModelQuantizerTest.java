package dev.aipcbench.harness.model.quantize;

import dev.aipcbench.harness.model.onnx.GenaiConfig;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.reference.Phi3Reference;
import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.runtime.onnxruntime.OrtGenerationSession;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelQuantizerTest {

    @Test
    void quantizingTheFp32FolderGivesTheSameFolderAsGeneratingInt4(@TempDir Path tmp) throws IOException {
        Path fp32 = TestModels.tiny(Precision.FP32);
        Path direct = TestModels.tiny(Precision.INT4);
        Path out = tmp.resolve("quantized");
        ModelQuantizer.Outcome outcome = ModelQuantizer.quantize(fp32, out, Precision.INT4, 32, 4, Progress.NONE);

        // 4 MatMuls per layer (qkv, o, gate_up, down) and the LM head.
        assertEquals(2 * 4 + 1, outcome.matmulsQuantized());
        for (String f : new String[] {"model.onnx", "model.onnx.data", "genai_config.json", "tokenizer.json"}) {
            assertArrayEquals(Files.readAllBytes(direct.resolve(f)), Files.readAllBytes(out.resolve(f)), f + " differs");
        }
        ModelManifest m = ModelManifest.read(out).orElseThrow();
        assertEquals("int4", m.precision());
        assertEquals(fp32.toAbsolutePath().toString(), m.source());
    }

    @Test
    void int4WeightsAsOnnxRuntimeReadsThemAreTheOnesTheReferenceDequantises() {
        // The reference dequantises MatMulNBits by the operator's definition; if our packing (nibble
        // order, block layout, scale sign) differed from ONNX Runtime's reading of it, these would part.
        ModelFolder folder = ModelFolder.open(TestModels.tiny(Precision.INT4));
        int[] prompt = {1, 500, 900, 1300, 1700, 2100};
        float[] ref = Phi3Reference.load(folder).forward(prompt)[prompt.length - 1];
        try (OrtGenerationSession s = OrtGenerationSession.open(folder, SessionSettings.cpu().withMaxSequenceLength(16))) {
            s.captureLogits(true);
            s.prefill(prompt);
            float[] ort = new float[ref.length];
            s.logits().get((prompt.length - 1) * ref.length, ort);
            double cos = dev.aipcbench.harness.testing.Logits.cosine(ort, ref);
            assertTrue(cos > 0.999, "cosine " + cos);
        }
    }

    @Test
    void quantizesAFolderTheSuiteDidNotWriteKeepingItsFileNames(@TempDir Path tmp) throws IOException {
        // A builder-style folder from elsewhere: its own model file name, no aipc_model.json, extra files.
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Path fp32 = TestModels.tiny(Precision.FP32);
        Files.copy(fp32.resolve("model.onnx"), foreign.resolve("phi3-tiny-cpu-fp32.onnx"));
        Files.copy(fp32.resolve("model.onnx.data"), foreign.resolve("model.onnx.data"));
        Files.copy(fp32.resolve("tokenizer.json"), foreign.resolve("tokenizer.json"));
        Files.writeString(foreign.resolve("special_tokens_map.json"), "{}");
        Files.writeString(foreign.resolve(GenaiConfig.FILE_NAME), Files.readString(fp32.resolve(GenaiConfig.FILE_NAME))
                .replace("\"model.onnx\"", "\"phi3-tiny-cpu-fp32.onnx\""));
        Path out = tmp.resolve("int8");
        ModelQuantizer.quantize(foreign, out, Precision.INT8, 32, 4, Progress.NONE);

        assertTrue(Files.isRegularFile(out.resolve("phi3-tiny-cpu-fp32.onnx")));
        assertTrue(Files.isRegularFile(out.resolve("special_tokens_map.json")));
        assertFalse(Files.exists(out.resolve(ModelManifest.FILE_NAME)));
        int[] prompt = {1, 42, 4242, 424, 24};
        assertArrayEquals(generate(fp32, prompt), generate(out, prompt));
    }

    @Test
    void refusesFloatPrecisionsAndFoldersWithoutMatMuls(@TempDir Path tmp) {
        Path fp32 = TestModels.tiny(Precision.FP32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelQuantizer.quantize(fp32, tmp.resolve("x"), Precision.FP16, 32, 4, Progress.NONE));
        assertTrue(e.getMessage().contains("--precision"), e.getMessage());
        ModelFormatException f = assertThrows(ModelFormatException.class,
                () -> ModelQuantizer.quantize(TestModels.tiny(Precision.INT4), tmp.resolve("y"), Precision.INT4, 32, 4, Progress.NONE));
        assertTrue(f.getMessage().contains("model.onnx") && f.getMessage().contains("float MatMul"), f.getMessage());
    }

    private static int[] generate(Path folder, int[] prompt) {
        try (OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(folder), SessionSettings.cpu().withMaxSequenceLength(32))) {
            TokenTimeline t = new TokenTimeline(8);
            s.generate(prompt, 8, t);
            return Arrays.copyOf(t.tokens(), 8);
        }
    }
}
