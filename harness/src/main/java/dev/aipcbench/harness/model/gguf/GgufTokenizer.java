package dev.aipcbench.harness.model.gguf;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.tokenizer.SpecialTokens;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Llama/SentencePiece-style BPE {@code tokenizer.json} with byte fallback (the suite's own, and Phi-3's)
 * as GGUF tokenizer metadata for llama.cpp's SentencePiece tokenizer ({@code tokenizer.ggml.model =
 * "llama"}): one token string per id, a score per token and a token type per token.
 *
 * <p>SentencePiece merges the adjacent pair whose joined piece scores highest, where BPE applies its merges
 * in rank order; each merged piece therefore scores minus the rank of the first merge that makes it, so
 * both merge in the same order. Types: {@code <unk>} unknown, {@code <0xXX>} byte, added tokens marked
 * special (and {@code <s>}, {@code </s>}) control, other added tokens user-defined, the rest normal.
 */
public final class GgufTokenizer {
    private static final int NORMAL = 1;
    private static final int UNKNOWN = 2;
    private static final int CONTROL = 3;
    private static final int USER_DEFINED = 4;
    private static final int BYTE = 6;
    private static final ObjectMapper JSON = Json.PLAIN;

    private final List<String> tokens;
    private final float[] scores;
    private final int[] types;

    private GgufTokenizer(List<String> tokens, float[] scores, int[] types) {
        this.tokens = tokens;
        this.scores = scores;
        this.types = types;
    }

    /**
     * Reads {@code tokenizer.json}.
     *
     * @throws ModelFormatException when it is not a BPE tokenizer or its ids leave gaps
     */
    public static GgufTokenizer fromTokenizerJson(Path tokenizerJson) throws IOException {
        JsonNode root = JSON.readTree(tokenizerJson.toFile());
        JsonNode model = root.path("model");
        if (!"BPE".equals(model.path("type").asText())) {
            throw new ModelFormatException(tokenizerJson, "model.type is '" + model.path("type").asText() + "': expected BPE");
        }
        Map<Integer, String> byId = new HashMap<>();
        model.path("vocab").fields().forEachRemaining(e -> byId.put(e.getValue().asInt(), e.getKey()));
        Map<Integer, Boolean> added = new HashMap<>();
        for (JsonNode t : root.path("added_tokens")) {
            byId.put(t.path("id").asInt(), t.path("content").asText());
            added.put(t.path("id").asInt(), t.path("special").asBoolean());
        }
        Map<String, Integer> rank = new HashMap<>();
        int r = 0;
        for (JsonNode merge : model.path("merges")) {
            String joined = merge.isArray() ? merge.get(0).asText() + merge.get(1).asText() : merge.asText().replaceFirst(" ", "");
            rank.putIfAbsent(joined, r++);
        }
        int size = byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<String> tokens = new ArrayList<>(size);
        float[] scores = new float[size];
        int[] types = new int[size];
        String unk = model.path("unk_token").asText("<unk>");
        for (int id = 0; id < size; id++) {
            String text = byId.get(id);
            if (text == null) {
                throw new ModelFormatException(tokenizerJson, "has no token with id " + id + " (ids must run 0.." + (size - 1) + ")");
            }
            tokens.add(text);
            Integer mergeRank = rank.get(text);
            scores[id] = mergeRank == null ? 0f : -1f - mergeRank;
            if (text.equals(unk)) {
                types[id] = UNKNOWN;
            } else if (text.matches("<0x[0-9A-F]{2}>")) {
                types[id] = BYTE;
            } else if (added.containsKey(id)) {
                types[id] = added.get(id) || text.equals("<s>") || text.equals("</s>") ? CONTROL : USER_DEFINED;
            } else {
                types[id] = NORMAL;
            }
        }
        return new GgufTokenizer(tokens, scores, types);
    }

    public int size() {
        return tokens.size();
    }

    /** Adds {@code tokenizer.ggml.*}: the vocabulary, the special ids, and BOS added in front as Phi-3 does. */
    public void putInto(GgufMetadata metadata, SpecialTokens special) {
        metadata.putString("tokenizer.ggml.model", "llama")
                .putStrings("tokenizer.ggml.tokens", tokens)
                .putFloat32s("tokenizer.ggml.scores", scores)
                .putInt32s("tokenizer.ggml.token_type", types)
                .putUint32("tokenizer.ggml.bos_token_id", special.bos())
                .putUint32("tokenizer.ggml.eos_token_id", special.eos())
                .putUint32("tokenizer.ggml.unknown_token_id", Math.max(0, tokens.indexOf("<unk>")))
                .putUint32("tokenizer.ggml.padding_token_id", special.pad())
                .putBool("tokenizer.ggml.add_bos_token", true)
                .putBool("tokenizer.ggml.add_eos_token", false);
    }

    /** The token types, for tests. */
    int[] types() {
        return Arrays.copyOf(types, types.length);
    }
}
