package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.runtime.nativelib.NativeLibraryLookup;
import dev.aipcbench.harness.tokenizer.HfTokenizer;
import dev.aipcbench.harness.tokenizer.Phi3ChatTemplate;
import dev.aipcbench.harness.tokenizer.SyntheticTokenizerWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite's tokenizer as llama.cpp reads it from the synthetic GGUF model ({@code tokenizer.ggml.*}), on
 * both real builds: the same vocabulary id for id, the suite's ids decoded into the suite's text, and
 * byte fallback and whitespace tokenised into the suite's ids.
 *
 * <p>What does not hold, and is only printed: llama.cpp's SentencePiece tokenizer joins any adjacent pair
 * whose joined piece is in the vocabulary, where BPE joins only listed merges, so on some words it finds a
 * longer piece than the suite's tokenizer ("▁benchmark" as one token, not two); and it strips whitespace
 * after every chat token as it does for Phi-3 models, where Phi-3's tokenizer.json strips it only after
 * some. Benchmarks feed token ids, so neither changes what is measured.
 */
class GgufTokenizerTest {
    /** The vocabulary calls of llama.h (2025 and later), bound here only to read the vocabulary back. */
    interface Vocabulary extends Library {
        LlamaModelParams llama_model_default_params();

        Pointer llama_model_load_from_file(String path, LlamaModelParams params);

        void llama_model_free(Pointer model);

        Pointer llama_model_get_vocab(Pointer model);

        int llama_vocab_n_tokens(Pointer vocab);

        String llama_vocab_get_text(Pointer vocab, int token);

        int llama_tokenize(Pointer vocab, byte[] text, int length, int[] tokens, int max, byte addSpecial, byte parseSpecial);

        int llama_detokenize(Pointer vocab, int[] tokens, int count, byte[] text, int max, byte removeSpecial, byte unparseSpecial);
    }

    private static final List<String> EXACT = List.of(
            "Zürich, naïve café: 3.14159 ≈ π, and 🙂 too",
            "  two  spaces,\ttabs\nand new lines  ");
    private static final List<String> PROSE = List.of(
            "A benchmark is a promise that two numbers can be compared.",
            "The time to the first token is what a person feels when they press enter and wait.");

    @TempDir
    static Path tmp;

    private static int[] tokenize(Vocabulary lib, Pointer vocab, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] tokens = new int[utf8.length + 8];
        int n = lib.llama_tokenize(vocab, utf8, utf8.length, tokens, tokens.length, (byte) 1, (byte) 1);
        assertTrue(n >= 0, "llama_tokenize returned " + n);
        return Arrays.copyOf(tokens, n);
    }

    private static String detokenize(Vocabulary lib, Pointer vocab, int[] ids) {
        byte[] text = new byte[16 * ids.length + 16];
        int n = lib.llama_detokenize(vocab, ids, ids.length, text, text.length, (byte) 1, (byte) 0);
        assertTrue(n >= 0, "llama_detokenize returned " + n);
        return new String(text, 0, n, StandardCharsets.UTF_8);
    }

    @Test
    void llamaCppReadsTheSuitesVocabularyAndTokenisesAsFarAsSentencePieceCan() {
        Path gguf = RealLlamaBuilds.tinyGguf(Precision.FP32).resolve("model.gguf");
        int size = ModelDimensions.tiny().vocab();
        SyntheticTokenizerWriter.write(tmp.resolve("tokenizer.json"), size);
        try (HfTokenizer suite = HfTokenizer.load(tmp.resolve("tokenizer.json"))) {
            for (Map.Entry<String, Path> build : RealLlamaBuilds.both().entrySet()) {
                new LlamaCppRuntime(build.getValue()).installed(); // loads the build's backends before any model
                Vocabulary lib = Native.load(build.getValue().toString(), Vocabulary.class, NativeLibraryLookup.OPTIONS);
                Pointer model = lib.llama_model_load_from_file(gguf.toString(), lib.llama_model_default_params());
                assertNotNull(model, build.getKey());
                try {
                    Pointer vocab = lib.llama_model_get_vocab(model);
                    assertEquals(size, lib.llama_vocab_n_tokens(vocab));
                    for (int id = 0; id < size; id++) {
                        OptionalInt suiteId = suite.tokenId(lib.llama_vocab_get_text(vocab, id));
                        assertEquals(OptionalInt.of(id), suiteId, build.getKey() + ": token " + id);
                    }
                    for (String text : PROSE) {
                        // as generated ids come: without the leading <s>
                        int[] ids = Arrays.copyOfRange(suite.encode(text), 1, suite.encode(text).length);
                        assertEquals(suite.decode(ids), detokenize(lib, vocab, ids), build.getKey());
                    }
                    for (String text : EXACT) {
                        assertArrayEquals(suite.encode(text), tokenize(lib, vocab, text), build.getKey() + ": " + text);
                    }
                    for (String text : concat(PROSE, List.of(Phi3ChatTemplate.render("You are brief.", "How fast is this laptop?")))) {
                        System.out.printf("%s: %s%n  suite     %s%n  llama.cpp %s%n", build.getKey(), text.replace("\n", "\\n"),
                                Arrays.toString(suite.encode(text)), Arrays.toString(tokenize(lib, vocab, text)));
                    }
                } finally {
                    lib.llama_model_free(model);
                }
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
