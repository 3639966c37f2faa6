package dev.aipcbench.harness.tokenizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingDetokenizerTest {

    private static final String TEXT = "Grüße aus Köln — 東京 🚀 café!\n  Two spaces, a tab\tand 👍🏽 done.";

    @TempDir
    Path folder;

    @Test
    void streamsPhi3TokensIntoTheFullText() {
        try (HfTokenizer phi3 = HfTokenizer.load(SharedTokenizers.phi3Folder())) {
            assertStreamsLikeDecode(phi3, phi3.encode(TEXT));
            assertStreamsLikeDecode(phi3, phi3.encode(Phi3ChatTemplate.render("Be brief.", TEXT)));
        }
    }

    @Test
    void streamsSyntheticTokensIntoTheFullText() {
        Path file = folder.resolve("tokenizer.json");
        SyntheticTokenizerWriter.write(file, 32064);
        try (HfTokenizer synthetic = HfTokenizer.load(file)) {
            assertStreamsLikeDecode(synthetic, synthetic.encode(TEXT));
            for (String text : SyntheticTokenizerWriterTest.TEXTS) {
                assertStreamsLikeDecode(synthetic, synthetic.encode(text));
            }
        }
    }

    @Test
    void holdsBackAnUnfinishedCharacterUntilFlush() {
        try (HfTokenizer phi3 = HfTokenizer.load(SharedTokenizers.phi3Folder())) {
            int[] rocket = phi3.encodeWithoutSpecials("🚀");
            assertTrue(rocket.length > 2, "byte fallback");
            StreamingDetokenizer stream = new StreamingDetokenizer(phi3);
            assertEquals("", stream.push(rocket[0]));
            assertEquals("", stream.push(rocket[1]));
            assertEquals("\uFFFD", stream.flush().substring(0, 1), "flush gives up what is held");
            assertEquals("", stream.flush(), "flush starts a new stream");
        }
    }

    private static void assertStreamsLikeDecode(TextTokenizer tokenizer, int[] ids) {
        StreamingDetokenizer stream = new StreamingDetokenizer(tokenizer);
        List<String> pieces = new ArrayList<>();
        for (int id : ids) {
            pieces.add(stream.push(id));
        }
        pieces.add(stream.flush());
        String expected = tokenizer.decode(ids);
        assertEquals(expected, String.join("", pieces));
        for (String piece : pieces) {
            assertFalse(piece.contains("\uFFFD"), "emitted an incomplete character: " + pieces);
        }
        // Byte-fallback characters take up to 4 ids each; anything slower means text piles up until flush.
        assertTrue(pieces.stream().filter(piece -> !piece.isEmpty()).count() >= ids.length / 4,
                "text arrives as the tokens do, not at the end: " + pieces);
    }
}
