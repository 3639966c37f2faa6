package dev.aipcbench.harness.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticTokenizerWriterTest {

    static final List<String> TEXTS = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "  Leading spaces, trailing spaces  ",
            "Tabs\tand\nnew lines\n\nstay.",
            "Café, naïve, Grüße aus Köln, señor, Ångström",
            "Rockets 🚀 and faces 😀👍🏽 and flags 🇫🇷",
            "東京は日本の首都です。中文也可以。한국어도요.",
            "Symbols: <>{}[]()|\\/~`!@#$%^&*_+-=\"';:?,.",
            "x");

    @TempDir
    static Path folder;
    static Path phi3Sized;
    static SpecialTokens special;

    @BeforeAll
    static void writePhi3Sized() {
        phi3Sized = folder.resolve("phi3/tokenizer.json");
        special = SyntheticTokenizerWriter.write(phi3Sized, 32064);
    }

    @Test
    void returnsPhi3sSpecialIds() {
        assertEquals(new SpecialTokens(1, 32000, 32000, 32007, 32010, 32001, 32006, List.of(32007, 32001, 32000)),
                special);
    }

    @Test
    void chatTokensSitAtPhi3sIdsLikeTheRealTokenizer() throws IOException {
        Map<String, JsonNode> real = addedTokensByContent(SharedTokenizers.phi3Folder().resolve("tokenizer.json"));
        Map<String, JsonNode> ours = addedTokensByContent(phi3Sized);
        for (String token : List.of("<unk>", "<s>", "</s>", "<|endoftext|>", "<|assistant|>", "<|placeholder1|>",
                "<|placeholder4|>", "<|system|>", "<|end|>", "<|placeholder5|>", "<|placeholder6|>", "<|user|>")) {
            JsonNode expected = real.get(token);
            JsonNode actual = ours.get(token);
            for (String field : List.of("id", "rstrip", "lstrip", "special", "normalized", "single_word")) {
                assertEquals(expected.get(field), actual.get(field), token + " " + field);
            }
        }
        try (HfTokenizer tokenizer = HfTokenizer.load(phi3Sized)) {
            assertEquals(32010, tokenizer.tokenId("<|user|>").orElseThrow());
            assertEquals(32063, tokenizer.tokenId("<|placeholder59|>").orElseThrow());
        }
    }

    @Test
    void everyIdBelowVocabSizeIsOneToken() throws IOException {
        JsonNode root = new ObjectMapper().readTree(phi3Sized.toFile());
        BitSet ids = new BitSet();
        root.path("model").path("vocab").forEach(id -> ids.set(id.intValue()));
        assertEquals(32000, ids.cardinality(), "base vocabulary");
        root.path("added_tokens").forEach(token -> ids.set(token.path("id").intValue()));
        assertEquals(32064, ids.cardinality());
        assertEquals(32064, ids.nextClearBit(0));
        try (HfTokenizer tokenizer = HfTokenizer.load(phi3Sized)) {
            assertEquals(32064, tokenizer.vocabSize());
            for (int id = 0; id < 32064; id++) {
                tokenizer.decode(new int[] {id});
            }
        }
        // Shown rather than skipped, every id has its own text (byte tokens aside).
        try (HuggingFaceTokenizer raw = HuggingFaceTokenizer.newInstance(phi3Sized, Map.of())) {
            assertEquals("<|placeholder59|>", raw.decode(new long[] {32063}, false));
            assertEquals("<|user|>", raw.decode(new long[] {32010}, false));
        }
    }

    @Test
    void mergesOnlyJoinPiecesOfTheVocabulary() throws IOException {
        JsonNode model = new ObjectMapper().readTree(phi3Sized.toFile()).path("model");
        Set<String> vocab = new HashSet<>();
        model.path("vocab").fieldNames().forEachRemaining(vocab::add);
        assertTrue(model.path("merges").size() > 30000);
        for (JsonNode merge : model.path("merges")) {
            String[] parts = merge.asText().split(" ");
            assertEquals(2, parts.length, merge.asText());
            assertTrue(vocab.contains(parts[0]) && vocab.contains(parts[1]) && vocab.contains(parts[0] + parts[1]),
                    merge.asText());
        }
    }

    @Test
    void textsRoundTripExactly() {
        try (HfTokenizer tokenizer = HfTokenizer.load(phi3Sized)) {
            for (String text : TEXTS) {
                int[] ids = tokenizer.encode(text);
                assertEquals(1, ids[0], "<s> first");
                assertEquals(text, tokenizer.decode(ids), text);
                assertArrayEquals(Arrays.copyOfRange(ids, 1, ids.length), tokenizer.encodeWithoutSpecials(text));
            }
            assertTrue(tokenizer.encode("the model and the machine").length < 10, "English merges are learned");
        }
    }

    @Test
    void chatTemplateTokensAreSingleIds() {
        String prompt = Phi3ChatTemplate.render("Be brief.", "Hi, who are you?");
        try (HfTokenizer tokenizer = HfTokenizer.load(phi3Sized.getParent());
             HfTokenizer phi3 = HfTokenizer.load(SharedTokenizers.phi3Folder())) {
            int[] ids = tokenizer.encode(prompt);
            assertEquals(List.of(1, 32006), List.of(ids[0], ids[1]));
            assertEquals(32001, ids[ids.length - 1]);
            assertEquals(1, Arrays.stream(ids).filter(id -> id == 32010).count());
            assertEquals(2, Arrays.stream(ids).filter(id -> id == 32007).count());
            // Same pipeline as Phi-3's: the special tokens split the text the same way, so it decodes the same.
            assertEquals(phi3.decode(phi3.encode(prompt)), tokenizer.decode(ids));
            int[] phi3Ids = phi3.encode(prompt);
            assertArrayEquals(Arrays.stream(phi3Ids).filter(id -> id >= 32000).toArray(),
                    Arrays.stream(ids).filter(id -> id >= 32000).toArray());
        }
    }

    @Test
    void writingIsDeterministicAndFast() throws IOException {
        Path again = folder.resolve("again/tokenizer.json");
        long start = System.nanoTime();
        SyntheticTokenizerWriter.write(again, 32064);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertArrayEquals(Files.readAllBytes(phi3Sized), Files.readAllBytes(again));
        assertTrue(millis < 1000, "took " + millis + " ms");
        try (var files = Files.list(again.getParent())) {
            assertEquals(List.of(again), files.toList(), "no partial file left behind");
        }
    }

    @Test
    void smallVocabulariesPutTheChatTokensOnTop() {
        for (int vocabSize : new int[] {300, 500, 4096}) {
            Path file = folder.resolve("small-" + vocabSize + "/tokenizer.json");
            SpecialTokens small = SyntheticTokenizerWriter.write(file, vocabSize);
            int base = vocabSize - 11;
            assertEquals(new SpecialTokens(1, base, base, base + 7, base + 10, base + 1, base + 6,
                    List.of(base + 7, base + 1, base)), small);
            try (HfTokenizer tokenizer = HfTokenizer.load(file)) {
                assertEquals(vocabSize, tokenizer.vocabSize());
                assertEquals(vocabSize - 1, tokenizer.tokenId("<|user|>").orElseThrow());
                for (String text : TEXTS) {
                    assertEquals(text, tokenizer.decode(tokenizer.encode(text)), vocabSize + ": " + text);
                }
                int[] chat = tokenizer.encode(Phi3ChatTemplate.render(null, "Hi"));
                assertEquals(small.user(), chat[1]);
                assertEquals(small.assistant(), chat[chat.length - 1]);
            }
        }
    }

    @Test
    void refusesVocabulariesTooSmallForBytesAndChatTokens() {
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticTokenizerWriter.write(folder.resolve("tiny/tokenizer.json"), 299));
    }

    private static Map<String, JsonNode> addedTokensByContent(Path file) throws IOException {
        Map<String, JsonNode> tokens = new HashMap<>();
        new ObjectMapper().readTree(file.toFile()).path("added_tokens")
                .forEach(token -> tokens.put(token.path("content").asText(), token));
        return tokens;
    }
}
