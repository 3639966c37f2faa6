package dev.aipcbench.harness.model.onnx;

import dev.aipcbench.results.Json;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.ModelDimensions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of onnxruntime-genai's {@code genai_config.json} that a decoder-only generation loop needs.
 * Every input/output name and dimension comes from here, so real Hugging Face folders and the suite's
 * own synthetic folders are driven the same way. Reading validates each field and fails with the
 * file, the JSON path of the field, and what was expected.
 *
 * <p><b>Any folder onnxruntime-genai accepts, the suite accepts.</b> A field genai_config.json omits takes
 * onnxruntime-genai's own default (its {@code src/config.h} and {@code Config::Config}): the tensor names
 * ({@code input_ids}, {@code attention_mask}, {@code position_ids}, {@code past_key_values.%d.key}, ...,
 * {@code logits}, {@code present.%d.key}, ...), {@code search.max_length} = {@code model.context_length},
 * {@code search.past_present_share_buffer} = false, {@code pad_token_id} = 0, {@code eos_token_id} = the pad
 * id. The dimensions genai itself does not need ({@code num_hidden_layers}, {@code num_key_value_heads},
 * {@code head_size}, {@code vocab_size}, ...) read as 0 when absent and are taken from the ONNX graph by
 * {@link ModelFolder}. Fields the suite does not use are ignored, as genai ignores what it does not know.
 * One deviation: an absent {@code bos_token_id} is -1 here (genai says 0), because the suite's prompts
 * start with a BOS only where the model names one. {@code model.context_length} and
 * {@code model.decoder.filename} are required, as genai requires them.
 */
public record GenaiConfig(
        String modelType,
        int bosTokenId,
        List<Integer> eosTokenIds,
        int padTokenId,
        int vocabSize,
        int contextLength,
        Decoder decoder,
        int maxLength,
        boolean pastPresentShareBuffer) {

    public static final String FILE_NAME = "genai_config.json";

    /**
     * The {@code model.decoder} section. {@code positionIds} and {@code attentionMask} name the inputs the
     * model may take (the loop feeds them only when the graph has them). Dimensions are 0 when unknown.
     */
    public record Decoder(String filename, int headSize, int hiddenSize, int numAttentionHeads, int numHiddenLayers,
                          int numKeyValueHeads, String inputIds, String attentionMask, String positionIds,
                          String pastKeyNames, String pastValueNames, String logits, String presentKeyNames,
                          String presentValueNames) {

        public String pastKey(int layer) {
            return String.format(pastKeyNames, layer);
        }

        public String pastValue(int layer) {
            return String.format(pastValueNames, layer);
        }

        public String presentKey(int layer) {
            return String.format(presentKeyNames, layer);
        }

        public String presentValue(int layer) {
            return String.format(presentValueNames, layer);
        }
    }

    private static final ObjectMapper JSON = Json.PRETTY;

    /** Reads {@code genai_config.json} from a model folder. */
    public static GenaiConfig read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file, "not found (a model folder in the onnxruntime-genai layout has a genai_config.json)");
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file, "not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(file, "expected a JSON object at the top level");
        }
        Fields f = new Fields(file, root);
        f.object("model.decoder");
        Decoder decoder = new Decoder(
                f.string("model.decoder.filename"),
                f.optionalInteger("model.decoder.head_size").orElse(0),
                f.optionalInteger("model.decoder.hidden_size").orElse(0),
                f.optionalInteger("model.decoder.num_attention_heads").orElse(0),
                f.optionalInteger("model.decoder.num_hidden_layers").orElse(0),
                f.optionalInteger("model.decoder.num_key_value_heads").orElse(0),
                f.optionalString("model.decoder.inputs.input_ids").orElse("input_ids"),
                f.optionalString("model.decoder.inputs.attention_mask").orElse("attention_mask"),
                f.optionalString("model.decoder.inputs.position_ids").orElse("position_ids"),
                f.optionalNameTemplate("model.decoder.inputs.past_key_names").orElse("past_key_values.%d.key"),
                f.optionalNameTemplate("model.decoder.inputs.past_value_names").orElse("past_key_values.%d.value"),
                f.optionalString("model.decoder.outputs.logits").orElse("logits"),
                f.optionalNameTemplate("model.decoder.outputs.present_key_names").orElse("present.%d.key"),
                f.optionalNameTemplate("model.decoder.outputs.present_value_names").orElse("present.%d.value"));
        Optional<Integer> maxLength = f.optionalInteger("search.max_length").filter(n -> n > 0);
        int context = f.optionalInteger("model.context_length").or(() -> maxLength)
                .orElseThrow(() -> f.missing("model.context_length", "an integer; onnxruntime-genai requires it too"));
        int pad = f.optionalInteger("model.pad_token_id").orElse(0);
        List<Integer> eos = f.optionalIntegerOrArray("model.eos_token_id").orElse(List.of(pad));
        return new GenaiConfig(
                f.string("model.type"),
                f.optionalInteger("model.bos_token_id").orElse(-1),
                eos,
                pad,
                f.optionalInteger("model.vocab_size").orElse(0),
                context,
                decoder,
                maxLength.orElse(context),
                f.optionalBoolean("search.past_present_share_buffer").orElse(false));
    }

    /**
     * This config with its unknown (0) dimensions taken from the model graph: decoder layers, KV heads,
     * head size and vocabulary ({@code 0} arguments leave a field as it is).
     */
    public GenaiConfig completedBy(int layers, int kvHeads, int headSize, int vocab) {
        Decoder d = decoder;
        Decoder completed = new Decoder(d.filename(), d.headSize() > 0 ? d.headSize() : headSize, d.hiddenSize(),
                d.numAttentionHeads(), d.numHiddenLayers() > 0 ? d.numHiddenLayers() : layers,
                d.numKeyValueHeads() > 0 ? d.numKeyValueHeads() : kvHeads, d.inputIds(), d.attentionMask(), d.positionIds(),
                d.pastKeyNames(), d.pastValueNames(), d.logits(), d.presentKeyNames(), d.presentValueNames());
        return new GenaiConfig(modelType, bosTokenId, eosTokenIds, padTokenId, vocabSize > 0 ? vocabSize : vocab, contextLength,
                completed, maxLength, pastPresentShareBuffer);
    }

    /** The config a builder-style Phi-3 folder carries, for a synthetic model of these dimensions. */
    public static GenaiConfig phi3(ModelDimensions d, String modelFile, int bos, List<Integer> eos, int pad) {
        Decoder decoder = new Decoder(modelFile, d.headSize(), d.hidden(), d.heads(), d.layers(), d.kvHeads(),
                "input_ids", "attention_mask", null, "past_key_values.%d.key", "past_key_values.%d.value",
                "logits", "present.%d.key", "present.%d.value");
        return new GenaiConfig("phi3", bos, List.copyOf(eos), pad, d.vocab(), d.context(), decoder, d.context(), true);
    }

    /** Writes the file in the layout of onnxruntime-genai's model builder. */
    public void write(Path folder) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode model = root.putObject("model");
        model.put("bos_token_id", bosTokenId);
        model.put("context_length", contextLength);
        ObjectNode dec = model.putObject("decoder");
        ObjectNode sessionOptions = dec.putObject("session_options");
        sessionOptions.put("log_id", "onnxruntime-genai");
        sessionOptions.putArray("provider_options");
        dec.put("filename", decoder.filename());
        dec.put("head_size", decoder.headSize());
        dec.put("hidden_size", decoder.hiddenSize());
        ObjectNode in = dec.putObject("inputs");
        in.put("input_ids", decoder.inputIds());
        if (decoder.attentionMask() != null) {
            in.put("attention_mask", decoder.attentionMask());
        }
        if (decoder.positionIds() != null) {
            in.put("position_ids", decoder.positionIds());
        }
        in.put("past_key_names", decoder.pastKeyNames());
        in.put("past_value_names", decoder.pastValueNames());
        ObjectNode out = dec.putObject("outputs");
        out.put("logits", decoder.logits());
        out.put("present_key_names", decoder.presentKeyNames());
        out.put("present_value_names", decoder.presentValueNames());
        dec.put("num_attention_heads", decoder.numAttentionHeads());
        dec.put("num_hidden_layers", decoder.numHiddenLayers());
        dec.put("num_key_value_heads", decoder.numKeyValueHeads());
        if (eosTokenIds.size() == 1) {
            model.put("eos_token_id", eosTokenIds.get(0));
        } else {
            ArrayNode eos = model.putArray("eos_token_id");
            eosTokenIds.forEach(eos::add);
        }
        model.put("pad_token_id", padTokenId);
        model.put("type", modelType);
        model.put("vocab_size", vocabSize);
        ObjectNode search = root.putObject("search");
        search.put("diversity_penalty", 0.0);
        search.put("do_sample", false);
        search.put("early_stopping", true);
        search.put("length_penalty", 1.0);
        search.put("max_length", maxLength);
        search.put("min_length", 0);
        search.put("no_repeat_ngram_size", 0);
        search.put("num_beams", 1);
        search.put("num_return_sequences", 1);
        search.put("past_present_share_buffer", pastPresentShareBuffer);
        search.put("repetition_penalty", 1.0);
        search.put("temperature", 1.0);
        search.put("top_k", 1);
        search.put("top_p", 1.0);
        Files.writeString(folder.resolve(FILE_NAME), JSON.writeValueAsString(root) + "\n");
    }

    /** Typed access to dotted JSON paths, each failure naming the file, the path and the expected type. */
    private static final class Fields {
        private final Path file;
        private final JsonNode root;

        Fields(Path file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        private JsonNode node(String path) {
            JsonNode n = root;
            for (String part : path.split("\\.")) {
                if (n == null || !n.isObject()) {
                    return null;
                }
                n = n.get(part);
            }
            return n == null || n.isNull() ? null : n;
        }

        ModelFormatException missing(String path, String expected) {
            return new ModelFormatException(file, "missing field " + path + " (expected " + expected + ")");
        }

        private ModelFormatException wrongType(String path, String expected, JsonNode found) {
            return new ModelFormatException(file, "field " + path + ": expected " + expected + ", found "
                    + found.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(found.toString()));
        }

        private static String abbreviate(String s) {
            return s.length() > 40 ? s.substring(0, 37) + "..." : s;
        }

        JsonNode object(String path) {
            JsonNode n = node(path);
            if (n == null) {
                throw missing(path, "an object");
            }
            if (!n.isObject()) {
                throw wrongType(path, "an object", n);
            }
            return n;
        }

        String string(String path) {
            return optionalString(path).orElseThrow(() -> missing(path, "a string"));
        }

        Optional<String> optionalString(String path) {
            JsonNode n = node(path);
            if (n == null) {
                return Optional.empty();
            }
            if (!n.isTextual() || n.asText().isBlank()) {
                throw wrongType(path, "a non-empty string", n);
            }
            return Optional.of(n.asText());
        }

        Optional<String> optionalNameTemplate(String path) {
            Optional<String> s = optionalString(path);
            if (s.isPresent() && !s.get().contains("%d")) {
                throw new ModelFormatException(file, "field " + path + ": expected a name template with %d for the layer, found \"" + s.get() + "\"");
            }
            return s;
        }

        int integer(String path) {
            return optionalInteger(path).orElseThrow(() -> missing(path, "an integer"));
        }

        Optional<Integer> optionalInteger(String path) {
            JsonNode n = node(path);
            if (n == null) {
                return Optional.empty();
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw wrongType(path, "an integer", n);
            }
            return Optional.of(n.intValue());
        }

        Optional<Boolean> optionalBoolean(String path) {
            JsonNode n = node(path);
            if (n == null) {
                return Optional.empty();
            }
            if (!n.isBoolean()) {
                throw wrongType(path, "true or false", n);
            }
            return Optional.of(n.booleanValue());
        }

        Optional<List<Integer>> optionalIntegerOrArray(String path) {
            JsonNode n = node(path);
            if (n == null) {
                return Optional.empty();
            }
            List<Integer> out = new ArrayList<>();
            if (n.isIntegralNumber()) {
                out.add(n.intValue());
            } else if (n.isArray() && n.size() > 0) {
                for (JsonNode e : n) {
                    if (!e.isIntegralNumber()) {
                        throw wrongType(path, "an integer or an array of integers", n);
                    }
                    out.add(e.intValue());
                }
            } else {
                throw wrongType(path, "an integer or an array of integers", n);
            }
            return Optional.of(List.copyOf(out));
        }
    }
}
