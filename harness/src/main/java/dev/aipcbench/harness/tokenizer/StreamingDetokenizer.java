package dev.aipcbench.harness.tokenizer;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns generated token ids into text as they arrive. A token alone does not say what text it adds:
 * SentencePiece decoders drop the leading space of the first token, and byte-fallback tokens
 * ({@code <0xE2>}, {@code <0x82>}, ...) make a character only together. So this keeps a short window of
 * recent ids, decodes the window, and emits what the window's text has gained beyond the text of its
 * already-emitted head, holding text back while it ends in an incomplete character (U+FFFD).
 *
 * <p>For ids of valid UTF-8 text, the pieces that {@link #push} and {@link #flush} return concatenate
 * to exactly {@code tokenizer.decode(allIds)}. The window restarts after every emission, so it stays a
 * few ids long and each push costs two decodes of a few ids. Not thread-safe; one instance per stream.
 */
public final class StreamingDetokenizer {

    private static final char REPLACEMENT_CHARACTER = '\uFFFD';
    /** A UTF-8 character needs at most 4 byte tokens; more held-back ids ending in U+FFFD are truly invalid bytes. */
    private static final int MAX_HELD_IDS = 8;
    /** Bounds the window when many ids in a row add no visible text (e.g. special tokens, which decode skips). */
    private static final int MAX_WINDOW = 64;

    private final TextTokenizer tokenizer;
    private int[] window = new int[16];
    private int size;
    /** Window ids before this index have been emitted; they are kept only as context for the next ids. */
    private int emittedIds;
    /** The decoded text of {@code window[0, emittedIds)}. */
    private String emittedText = "";

    public StreamingDetokenizer(TextTokenizer tokenizer) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** Adds the next generated id and returns the text it completes, possibly "". */
    public String push(int tokenId) {
        if (size == window.length) {
            window = Arrays.copyOf(window, size * 2);
        }
        window[size++] = tokenId;
        String text = tokenizer.decode(Arrays.copyOf(window, size));
        boolean grown = text.length() > emittedText.length();
        boolean incomplete = grown && text.charAt(text.length() - 1) == REPLACEMENT_CHARACTER
                && size - emittedIds < MAX_HELD_IDS;
        if ((!grown || incomplete) && size < MAX_WINDOW) {
            return "";
        }
        String added = grown ? text.substring(emittedText.length()) : "";
        restartWindowAtPending();
        return added;
    }

    /** Returns whatever text is still held back (e.g. an unfinished byte sequence) and starts a new stream. */
    public String flush() {
        String text = size == 0 ? "" : tokenizer.decode(Arrays.copyOf(window, size));
        String rest = text.length() > emittedText.length() ? text.substring(emittedText.length()) : "";
        size = 0;
        emittedIds = 0;
        emittedText = "";
        return rest;
    }

    /**
     * Drops the emitted head and keeps the ids just emitted as the new head: they give the next id its
     * context (the leading space), and decoding them again yields the text the next comparison starts from.
     */
    private void restartWindowAtPending() {
        int kept = size - emittedIds;
        System.arraycopy(window, emittedIds, window, 0, kept);
        size = kept;
        emittedIds = kept;
        emittedText = tokenizer.decode(Arrays.copyOf(window, kept));
    }
}
