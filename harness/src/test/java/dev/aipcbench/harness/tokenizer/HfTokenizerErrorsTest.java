package dev.aipcbench.harness.tokenizer;

import dev.aipcbench.harness.model.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HfTokenizerErrorsTest {

    @TempDir
    Path folder;

    @Test
    void aFolderWithoutTokenizerJsonNamesTheMissingFile() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfTokenizer.load(folder));
        assertTrue(e.getMessage().startsWith(folder.resolve("tokenizer.json") + ": file not found"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = folder.resolve("nothing-here.json");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfTokenizer.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    }

    @Test
    void corruptJsonIsNamedWithWhereItBroke() throws IOException {
        Path file = Files.writeString(folder.resolve("tokenizer.json"), "{\"model\": {\"vocab\": {\"a\": 1,,}}}");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfTokenizer.load(folder));
        assertTrue(e.getMessage().startsWith(file + ": not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void jsonThatIsNotATokenizerIsNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("tokenizer.json"), "{\"model_type\": \"phi3\"}");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfTokenizer.load(file));
        assertTrue(e.getMessage().startsWith(file + ": model.vocab"), e.getMessage());
    }

    @Test
    void aTokenizerTheLibraryRejectsIsNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("tokenizer.json"),
                "{\"model\": {\"type\": \"NoSuchModel\", \"vocab\": {\"a\": 0}}}");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfTokenizer.load(file));
        assertTrue(e.getMessage().startsWith(file + ": the tokenizers library rejected it"), e.getMessage());
        assertOneLine(e);
    }

    private static void assertOneLine(Exception e) {
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
