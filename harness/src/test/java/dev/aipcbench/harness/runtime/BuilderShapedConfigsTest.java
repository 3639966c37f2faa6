package dev.aipcbench.harness.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.genai.OrtGenaiRuntime;
import dev.aipcbench.harness.runtime.onnxruntime.OrtRuntime;
import dev.aipcbench.harness.testing.BuilderShapedFolders;
import dev.aipcbench.harness.testing.RealLibraries;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * genai_config.json as every version of onnxruntime-genai's model builder wrote it: whatever folder
 * onnxruntime-genai itself loads, both ONNX Runtime runtimes (the suite's loop and the real genai library)
 * load, and they give the tokens the folder as the suite writes it gives.
 */
class BuilderShapedConfigsTest {
    private static final int[] PROMPT = {1, 3000, 17, 29871, 400, 8000, 12, 12345};
    private static final int TOKENS = 8;

    private static int[] generate(InferenceRuntime runtime, Path folder) {
        try (GenerationSession s = runtime.open(folder, SessionSettings.cpu().withMaxSequenceLength(32))) {
            TokenTimeline t = new TokenTimeline(TOKENS);
            s.generate(PROMPT, TOKENS, t);
            return t.tokens();
        }
    }

    private static List<InferenceRuntime> runtimes() {
        return List.of(new OrtRuntime(), new OrtGenaiRuntime(RealLibraries.onnxruntimeGenai()));
    }

    private static void loadsInBothAndGives(int[] expected, Path folder) {
        for (InferenceRuntime r : runtimes()) {
            int[] got = generate(r, folder);
            assertArrayEquals(expected, got, r.id() + " on " + folder.getFileName() + ": " + Arrays.toString(got));
        }
    }

    @Test
    void anOldBuildersConfigWithoutSearchOrDimensionsLoadsWithGenaisDefaults(@TempDir Path tmp) {
        Path source = TestModels.tiny(Precision.INT4);
        int[] expected = generate(new OrtRuntime(), source);
        Path folder = BuilderShapedFolders.editConfig(BuilderShapedFolders.copy(source, tmp.resolve("no-search")), root -> {
            root.remove("search");
            ObjectNode model = (ObjectNode) root.get("model");
            // vocab_size stays: genai refuses a config without it ("vocab_size must be 1 or greater").
            model.remove("pad_token_id");
            ObjectNode decoder = BuilderShapedFolders.decoder(root);
            decoder.remove(List.of("head_size", "hidden_size", "num_attention_heads", "num_key_value_heads", "num_hidden_layers",
                    "session_options"));
            // The oldest builders named the default tensor names only implicitly.
            ((ObjectNode) decoder.get("inputs")).remove(List.of("past_key_names", "past_value_names"));
            ((ObjectNode) decoder.get("outputs")).remove(List.of("present_key_names", "present_value_names"));
        });
        loadsInBothAndGives(expected, folder);
        try (GenerationSession s = new OrtRuntime().open(folder, SessionSettings.cpu())) {
            assertEquals("growing", s.info().kvCache(), "past_present_share_buffer defaults to false, as in genai");
            assertEquals(2, s.info().layers());
            assertEquals(32064, s.info().vocabSize());
        }
    }

    @Test
    void withoutPastPresentShareBufferTheLoopGrowsItsCache(@TempDir Path tmp) {
        Path source = TestModels.tiny(Precision.FP32);
        int[] expected = generate(new OrtRuntime(), source);
        Path folder = BuilderShapedFolders.editConfig(BuilderShapedFolders.copy(source, tmp.resolve("no-share")),
                root -> ((ObjectNode) root.get("search")).remove("past_present_share_buffer"));
        loadsInBothAndGives(expected, folder);
    }

    @Test
    void aLongDecoderFilenameAsTheHuggingFaceFoldersHaveIsFollowed(@TempDir Path tmp) {
        Path source = TestModels.tiny(Precision.INT4);
        int[] expected = generate(new OrtRuntime(), source);
        Path folder = BuilderShapedFolders.renameModel(BuilderShapedFolders.copy(source, tmp.resolve("long-name")),
                "phi3-mini-4k-instruct-cpu-int4-rtn-block-32-acc-level-4.onnx");
        loadsInBothAndGives(expected, folder);
    }

    @Test
    void fp16InputsAndOutputsLoadInBoth() {
        Path folder = TestModels.tiny(Precision.FP16);
        try (GenerationSession s = new OrtRuntime().open(folder, SessionSettings.cpu().withMaxSequenceLength(32))) {
            assertEquals("float16", s.info().ioType());
        }
        loadsInBothAndGives(generate(new OrtRuntime(), folder), folder);
    }

    @Test
    void aModelTakingPositionIdsGetsThemInBoth(@TempDir Path tmp) {
        Path folder = BuilderShapedFolders.withPositionIds(TestModels.tiny(Precision.FP32), tmp.resolve("positions"), 256, 64);
        try (GenerationSession s = new OrtRuntime().open(folder, SessionSettings.cpu().withMaxSequenceLength(32))) {
            assertEquals("true", s.info().details().get("position_ids"));
        }
        loadsInBothAndGives(generate(new OrtRuntime(), folder), folder);
    }
}
