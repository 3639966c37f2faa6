package dev.aipcbench.harness.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Phi3ChatTemplateTest {

    @Test
    void rendersSystemAndUserTurnsThenAsksForTheAssistant() {
        assertEquals("<|system|>\nBe brief.<|end|>\n<|user|>\nHi there<|end|>\n<|assistant|>\n",
                Phi3ChatTemplate.render("Be brief.", "Hi there"));
    }

    @Test
    void leavesOutAMissingOrBlankSystemMessage() {
        String expected = "<|user|>\nHi there<|end|>\n<|assistant|>\n";
        assertEquals(expected, Phi3ChatTemplate.render(null, "Hi there"));
        assertEquals(expected, Phi3ChatTemplate.render("  \n", "Hi there"));
    }

    @Test
    void followsTheTemplateInPhi3sTokenizerConfig() throws IOException {
        String template = new ObjectMapper()
                .readTree(SharedTokenizers.phi3Folder().resolve("tokenizer_config.json").toFile())
                .path("chat_template").asText();
        // The Jinja template's pieces, as the renderer must reproduce them.
        assertTrue(template.contains("'<|' + message['role'] + '|>' + '\n' + message['content'] + '<|end|>\n'"),
                template);
        assertTrue(template.contains("'<|assistant|>\n'"), template);
    }

    @Test
    void chatTokensEncodeAsSingleIdsWithPhi3() {
        try (HfTokenizer phi3 = HfTokenizer.load(SharedTokenizers.phi3Folder())) {
            int[] ids = phi3.encode(Phi3ChatTemplate.render("Be brief.", "Hi"));
            assertEquals(1, ids[0]);
            assertEquals(32006, ids[1]);
            assertEquals(32001, ids[ids.length - 1], "rstrip on <|assistant|> swallows the final newline");
            assertEquals(1, Arrays.stream(ids).filter(id -> id == 32010).count());
            assertEquals(2, Arrays.stream(ids).filter(id -> id == 32007).count());
        }
    }
}
