package dev.aipcbench.harness.tokenizer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Phi-3 tokenizer through {@link HfTokenizer}: the project's acceptance checks on tokenisation. */
class Phi3TokenizerTest {

    private static HfTokenizer phi3;

    @BeforeAll
    static void load() {
        phi3 = HfTokenizer.load(SharedTokenizers.phi3Folder());
    }

    @AfterAll
    static void close() {
        phi3.close();
    }

    @Test
    void encodesTheKnownChatPromptExactly() {
        assertArrayEquals(new int[] {1, 32010, 1815, 366, 14944, 7535, 29973, 32007, 32001},
                phi3.encode("<|user|>Can you introduce yourself?<|end|><|assistant|>"));
    }

    @Test
    void encodeWithoutSpecialsLeavesOutTheBos() {
        assertArrayEquals(new int[] {32010, 1815, 366, 14944, 7535, 29973, 32007, 32001},
                phi3.encodeWithoutSpecials("<|user|>Can you introduce yourself?<|end|><|assistant|>"));
    }

    @Test
    void loadsFromTheFileAsFromTheFolder() {
        try (HfTokenizer fromFile = HfTokenizer.load(SharedTokenizers.phi3Folder().resolve("tokenizer.json"))) {
            assertArrayEquals(phi3.encode("Hello world"), fromFile.encode("Hello world"));
        }
    }

    @Test
    void decodeSkipsSpecialTokens() {
        assertEquals("Can you introduce yourself?",
                phi3.decode(new int[] {1, 32010, 1815, 366, 14944, 7535, 29973, 32007, 32001}));
    }

    @Test
    void longTextsAreNeitherTruncatedNorPadded() {
        String text = "one two three four five six seven eight nine ten ".repeat(200);
        int[] ids = phi3.encode(text);
        assertTrue(ids.length > 2000, "got " + ids.length + " ids");
        assertEquals(text.strip(), phi3.decode(ids).strip());
        assertArrayEquals(new int[] {1, phi3.tokenId("\u2581Hi").orElseThrow()}, phi3.encode("Hi"), "no padding");
    }

    @Test
    void looksUpTokensAndCountsTheVocabulary() {
        assertEquals(OptionalInt.of(32010), phi3.tokenId("<|user|>"));
        assertEquals(OptionalInt.of(32007), phi3.tokenId("<|end|>"));
        assertEquals(OptionalInt.of(1815), phi3.tokenId("\u2581Can"));
        assertEquals(OptionalInt.of(1), phi3.tokenId("<s>"));
        assertEquals(OptionalInt.empty(), phi3.tokenId("<|no such token|>"));
        // This copy (from onnxruntime-genai's phi3-v test model) ends with <|image|> = 32044.
        assertEquals(32045, phi3.vocabSize());
    }
}
