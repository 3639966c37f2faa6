package dev.aipcbench.harness.tokenizer;

import java.util.OptionalInt;

/**
 * Text to token ids and back, for one model's vocabulary. Encoding is timed apart from inference, so
 * implementations favour exactness over speed.
 */
public interface TextTokenizer extends AutoCloseable {

    /**
     * Encodes with the tokenizer's own special-token handling: for Phi-3 (and the suite's synthetic
     * tokenizer) the post-processor puts {@code <s>} in front. Chat tokens such as {@code <|user|>} in
     * the text become their single ids. Never truncated or padded.
     */
    int[] encode(String text);

    /** Encodes as {@link #encode} does, but without the post-processor's tokens (no {@code <s>}). */
    int[] encodeWithoutSpecials(String text);

    /**
     * Decodes ids to text, skipping special tokens ({@code <s>}, {@code <|end|>}, {@code <|user|>} ...),
     * so the result is the visible text a user would read. Ids outside the vocabulary are skipped too.
     */
    String decode(int[] ids);

    /** Highest id of the vocabulary or the added tokens, plus one. */
    int vocabSize();

    /** The id of a vocabulary entry or added token, given its exact text (e.g. {@code "<|end|>"}, {@code "▁the"}). */
    OptionalInt tokenId(String token);

    @Override
    void close();
}
