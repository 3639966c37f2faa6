package dev.aipcbench.harness.tokenizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ordinary pieces of the synthetic tokenizer (everything after {@code <unk>}, {@code <s>},
 * {@code </s>} and the 256 byte tokens), in id order, with the BPE merges that build them:
 * <ol>
 *   <li>single characters: {@code ▁} and printable ASCII, the ones frequent in {@link TrainingText} first;</li>
 *   <li>merges learned by {@link BpeTrainer} from that text;</li>
 *   <li>filler merges of already present word-like pieces (letters, {@code ▁} in front at most, a
 *       lowercase continuation), pairing the earliest (most frequent) pieces first, until the requested
 *       number of pieces is reached.</li>
 * </ol>
 * A merge is kept only when both of its parts are pieces, and its result always is one, so any size
 * gives a consistent tokenizer. {@code ▁} only ever starts a piece, as in SentencePiece vocabularies.
 */
final class SyntheticVocabulary {

    static final String SPACE = "\u2581";
    /** Filler pieces stay word-sized. */
    private static final int MAX_FILLER_LENGTH = 16;
    private static final Map<String, Integer> TRAINING_WORDS = Collections.unmodifiableMap(trainingWords());
    private static final List<BpeTrainer.Merge> LEARNED = BpeTrainer.train(TRAINING_WORDS, 2);

    private final int capacity;
    private final List<String> pieces = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<BpeTrainer.Merge> merges = new ArrayList<>();

    private SyntheticVocabulary(int capacity) {
        this.capacity = capacity;
    }

    /** Builds exactly {@code count} pieces. */
    static SyntheticVocabulary of(int count) {
        SyntheticVocabulary vocabulary = new SyntheticVocabulary(count);
        vocabulary.addCharacters();
        vocabulary.addLearnedMerges();
        vocabulary.addFillerMerges();
        return vocabulary;
    }

    List<String> pieces() {
        return Collections.unmodifiableList(pieces);
    }

    List<BpeTrainer.Merge> merges() {
        return Collections.unmodifiableList(merges);
    }

    private void addCharacters() {
        Map<String, Integer> frequency = new TreeMap<>();
        TRAINING_WORDS.forEach((word, count) -> word.codePoints()
                .forEach(cp -> frequency.merge(new String(Character.toChars(cp)), count, Integer::sum)));
        frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> addPiece(entry.getKey()));
        addPiece(SPACE);
        for (char c = '!'; c <= '~'; c++) {
            addPiece(String.valueOf(c));
        }
    }

    private void addLearnedMerges() {
        for (BpeTrainer.Merge merge : LEARNED) {
            addMerge(merge.left(), merge.right());
        }
    }

    /** Pairs piece i with piece j along anti-diagonals (i + j = 0, 1, 2, ...), so early pieces combine first. */
    private void addFillerMerges() {
        for (int sum = 0; pieces.size() < capacity; sum++) {
            for (int i = 0; i <= sum && pieces.size() < capacity; i++) {
                int j = sum - i;
                if (i < pieces.size() && j < pieces.size()) {
                    String left = pieces.get(i);
                    String right = pieces.get(j);
                    if (isWordStartOrPart(left) && isLowercaseWordPart(right)
                            && left.length() + right.length() <= MAX_FILLER_LENGTH
                            && !index.containsKey(left + right)) {
                        addMerge(left, right);
                    }
                }
            }
        }
    }

    private void addMerge(String left, String right) {
        if (index.containsKey(left) && index.containsKey(right)
                && (index.containsKey(left + right) || pieces.size() < capacity)) {
            addPiece(left + right);
            merges.add(new BpeTrainer.Merge(left, right));
        }
    }

    private void addPiece(String piece) {
        if (pieces.size() < capacity && !index.containsKey(piece)) {
            index.put(piece, pieces.size());
            pieces.add(piece);
        }
    }

    /**
     * The training text cut into SentencePiece-style words: a run of letters, digits and apostrophes, or
     * one punctuation mark, with {@code ▁} in front when whitespace precedes it.
     */
    private static Map<String, Integer> trainingWords() {
        Map<String, Integer> words = new TreeMap<>();
        String text = TrainingText.TEXT;
        int i = 0;
        boolean afterSpace = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                afterSpace = true;
                i++;
                continue;
            }
            int end = i + 1;
            if (isWordChar(c)) {
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
            }
            words.merge((afterSpace ? SPACE : "") + text.substring(i, end), 1, Integer::sum);
            afterSpace = false;
            i = end;
        }
        return words;
    }

    private static boolean isWordStartOrPart(String piece) {
        String letters = piece.startsWith(SPACE) ? piece.substring(SPACE.length()) : piece;
        return letters.chars().allMatch(SyntheticVocabulary::isAsciiLetter);
    }

    private static boolean isLowercaseWordPart(String piece) {
        return piece.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'';
    }
}
