package dev.aipcbench.harness.model.openvino;

import dev.aipcbench.harness.model.catalog.SyntheticModels;

import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.tokenizer.SyntheticTokenizerWriter;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IR folder's layout and the model's interface, read back from what the writer wrote (that the real
 * OpenVINO and OpenVINO GenAI run it is OpenVinoRuntimeTest's, and part of the openvino-genai runtime's, work).
 */
class OpenVinoIrWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SyntheticSpec spec(Precision p) {
        return SyntheticSpec.of(ModelFormat.OPENVINO_IR, "tiny", ModelDimensions.tiny(), p, TestModels.SEED);
    }

    @Test
    void writesTheFolderOptimumWritesWithTheStatefulInterface(@TempDir Path out) throws Exception {
        List<long[]> progress = new ArrayList<>();
        SyntheticModels.generate(spec(Precision.INT4), out, (done, total) -> progress.add(new long[] {done, total}));
        for (String f : new String[] {"openvino_model.xml", "openvino_model.bin", "openvino_tokenizer.xml", "openvino_tokenizer.bin",
            "openvino_detokenizer.xml", "openvino_detokenizer.bin", "config.json", "generation_config.json", "tokenizer.json",
            "tokenizer_config.json", "special_tokens_map.json", "aipc_model.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String xml = Files.readString(out.resolve("openvino_model.xml"));
        for (String input : new String[] {"input_ids\" type=\"Parameter", "attention_mask\" type=\"Parameter",
            "position_ids\" type=\"Parameter", "beam_idx\" type=\"Parameter"}) {
            assertTrue(xml.contains("name=\"" + input), input);
        }
        assertTrue(xml.contains("output_names=\"logits\""));
        ModelDimensions d = ModelDimensions.tiny();
        for (int i = 0; i < d.layers(); i++) {
            assertTrue(xml.contains("variable_id=\"past_key_values." + i + ".keypresent." + i + ".key\" variable_type=\"f32\" variable_shape=\"?,"
                    + d.kvHeads() + ",?," + d.headSize() + "\""), "layer " + i + " key state");
            assertTrue(xml.contains("variable_id=\"past_key_values." + i + ".valuepresent." + i + ".value\""), "layer " + i + " value state");
        }
        assertEquals(2 * d.layers(), count(xml, "type=\"ReadValue\""));
        assertEquals(2 * d.layers(), count(xml, "type=\"Assign\""));
        assertEquals(d.layers(), count(xml, "type=\"ScaledDotProductAttention\""));
        // int4 projections in groups of 128, the embedding and LM head in 8 bits (NNCF's backup precision)
        assertEquals(4 * d.layers(), count(xml, "element_type=\"i4\""));
        assertTrue(xml.contains("name=\"model.layers.0.mlp.down_proj.MatMul.weight\" type=\"Const\" version=\"opset1\">\n\t\t\t"
                + "<data element_type=\"i4\" shape=\"" + d.hidden() + ", " + d.intermediate() / 128 + ", 128\""), "down_proj [out, in/128, 128]");
        assertTrue(xml.contains("name=\"model.embed_tokens.weight\" type=\"Const\" version=\"opset1\">\n\t\t\t<data element_type=\"u8\" shape=\""
                + d.vocab() + ", " + d.hidden() + "\""));
        assertTrue(xml.contains("name=\"lm_head.MatMul.weight/zero_point\""));
        assertTrue(xml.contains("<group_size value=\"128\""));

        long[] last = progress.get(progress.size() - 1);
        assertEquals(last[1], last[0], "progress ends at its total");
        assertTrue(Files.size(out.resolve("openvino_model.bin")) >= last[1]);

        JsonNode config = JSON.readTree(out.resolve("config.json").toFile());
        assertEquals("phi3", config.path("model_type").asText());
        assertEquals(d.hidden(), config.path("hidden_size").asInt());
        assertEquals(d.vocab(), config.path("vocab_size").asInt());
        assertEquals(d.context(), config.path("max_position_embeddings").asInt());
        JsonNode generation = JSON.readTree(out.resolve("generation_config.json").toFile());
        assertEquals(SyntheticTokenizerWriter.specialTokens(d.vocab()).eosIds().toString(), generation.path("eos_token_id").toString().replace(",", ", "));
    }

    @Test
    void onlyTheFp32ModelAsksForFp32Inference(@TempDir Path out) throws Exception {
        SyntheticModels.generate(spec(Precision.FP32), out.resolve("fp32"), (a, b) -> { });
        SyntheticModels.generate(spec(Precision.FP16), out.resolve("fp16"), (a, b) -> { });
        String fp32 = Files.readString(out.resolve("fp32/openvino_model.xml"));
        String fp16 = Files.readString(out.resolve("fp16/openvino_model.xml"));
        assertTrue(fp32.contains("<KV_CACHE_PRECISION value=\"f32\"") && fp32.contains("<INFERENCE_PRECISION_HINT value=\"f32\""));
        assertTrue(!fp16.contains("runtime_options"));
        assertEquals(0, count(fp32, "element_type=\"f16\""));
        assertTrue(count(fp16, "element_type=\"f16\"") > 4 * ModelDimensions.tiny().layers());
    }

    @Test
    void int4GroupsThatDoNotDivideTheInputsAreRefused(@TempDir Path out) {
        SyntheticSpec d = spec(Precision.INT4);
        SyntheticSpec odd = new SyntheticSpec(d.arch(), d.format(), d.size(), d.dims(), d.precision(), 96,
                d.accuracyLevel(), d.seed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticModels.generate(odd, out, (a, b) -> { }));
        assertTrue(e.getMessage().startsWith("--block-size 96: int4 groups of 96 do not divide"), e.getMessage());
        assertTrue(Files.notExists(out.resolve("openvino_model.bin")), "refused before anything is written");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
