package dev.aipcbench.harness.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small byte-pair-encoding training pass: starting from single characters, repeatedly merge the most
 * frequent adjacent pair of symbols. Ties go to the pair whose left, then right, symbol sorts first, so
 * the result depends only on the input.
 */
final class BpeTrainer {

    /** One learned merge: {@code left + right} becomes a new symbol. */
    record Merge(String left, String right) {
        String result() {
            return left + right;
        }
    }

    private final List<String> symbols = new ArrayList<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();
    private final int[][] words;
    private final int[] lengths;
    private final int[] counts;

    private BpeTrainer(Map<String, Integer> wordCounts) {
        words = new int[wordCounts.size()][];
        lengths = new int[wordCounts.size()];
        counts = new int[wordCounts.size()];
        int w = 0;
        for (Map.Entry<String, Integer> entry : wordCounts.entrySet()) {
            String word = entry.getKey();
            int[] ids = word.codePoints().map(cp -> symbolId(new String(Character.toChars(cp)))).toArray();
            words[w] = ids;
            lengths[w] = ids.length;
            counts[w] = entry.getValue();
            w++;
        }
    }

    /** Learns merges until the most frequent pair occurs fewer than {@code minCount} times. */
    static List<Merge> train(Map<String, Integer> wordCounts, int minCount) {
        return new BpeTrainer(wordCounts).run(minCount);
    }

    private List<Merge> run(int minCount) {
        List<Merge> merges = new ArrayList<>();
        while (true) {
            long best = bestPair(minCount);
            if (best < 0) {
                return merges;
            }
            int left = (int) (best >>> 32);
            int right = (int) best;
            merges.add(new Merge(symbols.get(left), symbols.get(right)));
            replaceEverywhere(left, right, symbolId(symbols.get(left) + symbols.get(right)));
        }
    }

    /** The most frequent pair as {@code left << 32 | right}, or -1 when none occurs {@code minCount} times. */
    private long bestPair(int minCount) {
        Map<Long, Integer> pairCounts = new HashMap<>();
        for (int w = 0; w < words.length; w++) {
            for (int i = 0; i + 1 < lengths[w]; i++) {
                pairCounts.merge(pair(words[w][i], words[w][i + 1]), counts[w], Integer::sum);
            }
        }
        long best = -1;
        int bestCount = minCount - 1;
        for (Map.Entry<Long, Integer> entry : pairCounts.entrySet()) {
            int count = entry.getValue();
            if (count > bestCount || count == bestCount && best >= 0 && sortsBefore(entry.getKey(), best)) {
                best = entry.getKey();
                bestCount = count;
            }
        }
        return best;
    }

    private boolean sortsBefore(long pair, long other) {
        int byLeft = symbols.get((int) (pair >>> 32)).compareTo(symbols.get((int) (other >>> 32)));
        return byLeft != 0 ? byLeft < 0 : symbols.get((int) pair).compareTo(symbols.get((int) other)) < 0;
    }

    private void replaceEverywhere(int left, int right, int merged) {
        for (int w = 0; w < words.length; w++) {
            int[] word = words[w];
            int out = 0;
            for (int i = 0; i < lengths[w]; i++) {
                if (i + 1 < lengths[w] && word[i] == left && word[i + 1] == right) {
                    word[out++] = merged;
                    i++;
                } else {
                    word[out++] = word[i];
                }
            }
            lengths[w] = out;
        }
    }

    private int symbolId(String symbol) {
        return symbolIds.computeIfAbsent(symbol, s -> {
            symbols.add(s);
            return symbols.size() - 1;
        });
    }

    private static long pair(int left, int right) {
        return (long) left << 32 | right & 0xFFFFFFFFL;
    }
}
