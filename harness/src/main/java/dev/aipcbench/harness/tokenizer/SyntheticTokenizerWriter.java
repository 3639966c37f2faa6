package dev.aipcbench.harness.tokenizer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the tokenizer of the suite's synthetic models: a {@code tokenizer.json} built by this project
 * (see {@link SyntheticVocabulary}), shaped like Phi-3's Llama/SentencePiece BPE tokenizer so that the
 * same code paths serve real and synthetic models: byte fallback, {@code ▁} for spaces, {@code <s>}
 * added by the post-processor, and Phi-3's chat tokens as special added tokens.
 *
 * <p>Id layout for {@code vocabSize >= 32064} (Phi-3's): {@code <unk>}=0, {@code <s>}=1, {@code </s>}=2,
 * {@code <0x00>}..{@code <0xFF>}=3..258, ordinary pieces up to 31999, the 11 chat tokens at their Phi-3 ids
 * 32000..32010 ({@code <|endoftext|>}, {@code <|assistant|>}, {@code <|placeholder1..4|>}, {@code <|system|>},
 * {@code <|end|>}, {@code <|placeholder5|>}, {@code <|placeholder6|>}, {@code <|user|>}), then
 * {@code <|placeholder7|>}... up to {@code vocabSize - 1}, so every id the model can emit decodes.
 * For smaller custom models ({@code 300 <= vocabSize < 32064}) the ordinary pieces shrink to
 * {@code vocabSize - 11} entries and the chat tokens take the top 11 ids, in the same order.
 *
 * <p>The output depends only on {@code vocabSize}: the same size gives a byte-identical file.
 */
public final class SyntheticTokenizerWriter {

    public static final int PHI3_VOCAB_SIZE = 32064;
    public static final int MIN_VOCAB_SIZE = 300;
    static final int PHI3_BASE_VOCAB_SIZE = 32000;
    static final int FIRST_BYTE_ID = 3;
    static final int FIRST_PIECE_ID = FIRST_BYTE_ID + 256;

    /** Phi-3's added tokens after the base vocabulary, in id order; {@code true} where Phi-3 sets rstrip. */
    private static final List<ChatToken> CHAT_TOKENS = List.of(
            new ChatToken("<|endoftext|>", false), new ChatToken("<|assistant|>", true),
            new ChatToken("<|placeholder1|>", true), new ChatToken("<|placeholder2|>", true),
            new ChatToken("<|placeholder3|>", true), new ChatToken("<|placeholder4|>", true),
            new ChatToken("<|system|>", false), new ChatToken("<|end|>", false),
            new ChatToken("<|placeholder5|>", true), new ChatToken("<|placeholder6|>", true),
            new ChatToken("<|user|>", false));
    private static final int FIRST_EXTRA_PLACEHOLDER = 7;

    private record ChatToken(String content, boolean rstrip) {
    }

    private SyntheticTokenizerWriter() {
    }

    /** The ids {@link #write} gives the special tokens for this vocabulary size, without writing anything. */
    public static SpecialTokens specialTokens(int vocabSize) {
        int base = baseVocabSize(vocabSize);
        int endOfText = base;
        int assistant = base + 1;
        int system = base + 6;
        int end = base + 7;
        int user = base + 10;
        return new SpecialTokens(1, endOfText, endOfText, end, user, assistant, system,
                List.of(end, assistant, endOfText));
    }

    /**
     * Writes the tokenizer (creating parent folders) and returns its special token ids.
     *
     * @throws IllegalArgumentException when {@code vocabSize < 300}
     */
    public static SpecialTokens write(Path tokenizerJson, int vocabSize) {
        int base = baseVocabSize(vocabSize);
        SyntheticVocabulary vocabulary = SyntheticVocabulary.of(base - FIRST_PIECE_ID);
        Path absolute = tokenizerJson.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            // Written aside and moved in place, so a reader never sees half a file.
            Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial-"
                    + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
            try {
                try (JsonGenerator json = new JsonFactory().createGenerator(
                        Files.newOutputStream(partial), JsonEncoding.UTF8)) {
                    json.useDefaultPrettyPrinter();
                    writeTokenizer(json, vocabulary, base, vocabSize);
                }
                moveInPlace(partial, absolute);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tokenizerJson, e);
        }
        return specialTokens(vocabSize);
    }

    static int baseVocabSize(int vocabSize) {
        if (vocabSize < MIN_VOCAB_SIZE) {
            throw new IllegalArgumentException("vocabSize " + vocabSize + " is too small: the synthetic tokenizer"
                    + " needs at least " + MIN_VOCAB_SIZE + " ids (259 for specials and bytes, 11 chat tokens)");
        }
        return vocabSize >= PHI3_VOCAB_SIZE ? PHI3_BASE_VOCAB_SIZE : vocabSize - CHAT_TOKENS.size();
    }

    private static void moveInPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeTokenizer(JsonGenerator json, SyntheticVocabulary vocabulary, int base, int vocabSize)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("version", "1.0");
        json.writeNullField("truncation");
        json.writeNullField("padding");
        writeAddedTokens(json, base, vocabSize);
        TokenizerPipelineJson.writeNormalizer(json);
        json.writeNullField("pre_tokenizer");
        TokenizerPipelineJson.writePostProcessor(json);
        TokenizerPipelineJson.writeDecoder(json);
        writeModel(json, vocabulary);
        json.writeEndObject();
    }

    private static void writeAddedTokens(JsonGenerator json, int base, int vocabSize) throws IOException {
        json.writeArrayFieldStart("added_tokens");
        writeAddedToken(json, 0, "<unk>", false, true);
        writeAddedToken(json, 1, "<s>", false, true);
        writeAddedToken(json, 2, "</s>", true, false); // as in Phi-3: not special, so decode shows it
        for (int i = 0; i < CHAT_TOKENS.size(); i++) {
            writeAddedToken(json, base + i, CHAT_TOKENS.get(i).content(), CHAT_TOKENS.get(i).rstrip(), true);
        }
        for (int id = base + CHAT_TOKENS.size(); id < vocabSize; id++) {
            int number = FIRST_EXTRA_PLACEHOLDER + id - base - CHAT_TOKENS.size();
            writeAddedToken(json, id, "<|placeholder" + number + "|>", true, true);
        }
        json.writeEndArray();
    }

    private static void writeAddedToken(JsonGenerator json, int id, String content, boolean rstrip, boolean special)
            throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("content", content);
        json.writeBooleanField("single_word", false);
        json.writeBooleanField("lstrip", false);
        json.writeBooleanField("rstrip", rstrip);
        json.writeBooleanField("normalized", false);
        json.writeBooleanField("special", special);
        json.writeEndObject();
    }

    private static void writeModel(JsonGenerator json, SyntheticVocabulary vocabulary) throws IOException {
        json.writeObjectFieldStart("model");
        json.writeStringField("type", "BPE");
        json.writeNullField("dropout");
        json.writeStringField("unk_token", "<unk>");
        json.writeNullField("continuing_subword_prefix");
        json.writeNullField("end_of_word_suffix");
        json.writeBooleanField("fuse_unk", true);
        json.writeBooleanField("byte_fallback", true);
        json.writeBooleanField("ignore_merges", false);
        json.writeObjectFieldStart("vocab");
        json.writeNumberField("<unk>", 0);
        json.writeNumberField("<s>", 1);
        json.writeNumberField("</s>", 2);
        for (int b = 0; b < 256; b++) {
            json.writeNumberField(String.format("<0x%02X>", b), FIRST_BYTE_ID + b);
        }
        List<String> pieces = vocabulary.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            json.writeNumberField(pieces.get(i), FIRST_PIECE_ID + i);
        }
        json.writeEndObject();
        json.writeArrayFieldStart("merges");
        for (BpeTrainer.Merge merge : vocabulary.merges()) {
            json.writeString(merge.left() + " " + merge.right());
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
