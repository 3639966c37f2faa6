package dev.aipcbench.harness.tokenizer;

import ai.djl.engine.EngineException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aipcbench.harness.model.ModelFormatException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A Hugging Face {@code tokenizer.json} run by DJL's binding of the Rust {@code tokenizers} library.
 *
 * <p>DJL is configured so that it never reaches the network and never changes the token sequence:
 * <ul>
 *   <li>{@code ai.djl.offline=true} is set unless the user set it (or {@code DJL_OFFLINE}): without it,
 *       DJL phones home on every tokenizer it creates and, on a machine with an NVIDIA GPU, downloads a
 *       CUDA build of its native library instead of using the CPU build inside its jar;</li>
 *   <li>truncation is switched off: DJL's default truncates every encoding to 512 tokens;</li>
 *   <li>padding is switched off, and no {@code tokenizer_config.json} is read, so DJL's own
 *       "clean up tokenization spaces" never rewrites decoded text.</li>
 * </ul>
 * The vocabulary is also read with Jackson, because DJL exposes neither the vocabulary size nor
 * token-to-id lookups.
 */
public final class HfTokenizer implements TextTokenizer {

    public static final String FILE_NAME = "tokenizer.json";

    static {
        DjlOffline.ensure();
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Map<String, String> DJL_OPTIONS = Map.of(
            "addSpecialTokens", "true",
            "truncation", "false",
            "padding", "false",
            "withOverflowingTokens", "false");

    private final HuggingFaceTokenizer tokenizer;
    private final Map<String, Integer> tokenIds;
    private final int vocabSize;

    private HfTokenizer(HuggingFaceTokenizer tokenizer, Map<String, Integer> tokenIds) {
        this.tokenizer = tokenizer;
        this.tokenIds = tokenIds;
        this.vocabSize = tokenIds.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    }

    /**
     * Loads {@code tokenizer.json} from a model folder, or the given file itself.
     *
     * @throws ModelFormatException when the file is missing, is not JSON, or is not a tokenizer
     */
    public static HfTokenizer load(Path folderOrFile) {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(FILE_NAME) : folderOrFile;
        byte[] bytes = readFile(file);
        Map<String, Integer> tokenIds = readTokenIds(file, bytes);
        try {
            return new HfTokenizer(HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(bytes), DJL_OPTIONS),
                    tokenIds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EngineException e) {
            throw e; // the native library failed to load: not the file's fault
        } catch (RuntimeException e) {
            throw new ModelFormatException(file, "the tokenizers library rejected it (" + firstLine(e)
                    + "); expected a Hugging Face tokenizer.json", e);
        }
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file, "file not found; expected a Hugging Face tokenizer.json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Vocabulary entries and added tokens; an added token's id wins over a vocabulary entry of the same text. */
    private static Map<String, Integer> readTokenIds(Path file, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file, "not valid JSON (" + describe(e)
                    + "); expected a Hugging Face tokenizer.json", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode vocab = root == null ? null : root.path("model").get("vocab");
        if (vocab == null || !vocab.isObject()) {
            throw new ModelFormatException(file, "model.vocab is missing or not an object;"
                    + " expected a Hugging Face tokenizer.json with a model vocabulary");
        }
        Map<String, Integer> ids = new HashMap<>(vocab.size() * 2);
        for (Map.Entry<String, JsonNode> entry : vocab.properties()) {
            ids.put(entry.getKey(), requireId(file, entry.getValue(), "model.vocab[\"" + entry.getKey() + "\"]"));
        }
        JsonNode added = root.path("added_tokens");
        for (int i = 0; i < added.size(); i++) {
            JsonNode token = added.get(i);
            ids.put(token.path("content").asText(), requireId(file, token.get("id"), "added_tokens[" + i + "].id"));
        }
        return Map.copyOf(ids);
    }

    private static int requireId(Path file, JsonNode id, String field) {
        if (id == null || !id.canConvertToInt() || !id.isIntegralNumber() || id.intValue() < 0) {
            throw new ModelFormatException(file, field + " is " + id + "; expected a token id (an integer >= 0)");
        }
        return id.intValue();
    }

    private static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return e.getLocation() == null ? what
                : what + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    @Override
    public int[] encode(String text) {
        return toInts(tokenizer.encode(text, true, false).getIds());
    }

    @Override
    public int[] encodeWithoutSpecials(String text) {
        return toInts(tokenizer.encode(text, false, false).getIds());
    }

    @Override
    public String decode(int[] ids) {
        long[] wide = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            wide[i] = ids[i];
        }
        return tokenizer.decode(wide, true);
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public OptionalInt tokenId(String token) {
        Integer id = tokenIds.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private static int[] toInts(long[] ids) {
        int[] narrow = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            narrow[i] = Math.toIntExact(ids[i]);
        }
        return narrow;
    }
}
