package dev.aipcbench.harness.model.openvino;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.tokenizer.SpecialTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Hugging Face files optimum-cli copies into an OpenVINO export and OpenVINO GenAI reads: {@code config.json}
 * (Phi-3's {@code Phi3Config} with the synthetic model's shape), {@code generation_config.json} (greedy, Phi-3's
 * stop tokens; GenAI takes its defaults from it), and {@code tokenizer_config.json} /
 * {@code special_tokens_map.json} (the special tokens and Phi-3's chat template, which GenAI falls back to
 * where the tokenizer IR's rt_info lacks them).
 */
final class HfConfigFiles {
    /** Phi-3-mini-4k-instruct's chat template. */
    static final String PHI3_CHAT_TEMPLATE = "{% for message in messages %}{% if message['role'] == 'system' %}"
            + "{{'<|system|>\n' + message['content'] + '<|end|>\n'}}{% elif message['role'] == 'user' %}"
            + "{{'<|user|>\n' + message['content'] + '<|end|>\n'}}{% elif message['role'] == 'assistant' %}"
            + "{{'<|assistant|>\n' + message['content'] + '<|end|>\n'}}{% endif %}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|assistant|>\n' }}{% else %}{{ eos_token }}{% endif %}";

    private static final ObjectMapper JSON = Json.PRETTY;

    private HfConfigFiles() {
    }

    static void write(Path folder, ModelDimensions d, Precision precision, SpecialTokens special) throws IOException {
        ObjectNode config = JSON.createObjectNode();
        config.putArray("architectures").add("Phi3ForCausalLM");
        config.put("attention_bias", false);
        config.put("attention_dropout", 0.0);
        config.put("bos_token_id", special.bos());
        config.put("embd_pdrop", 0.0);
        config.put("eos_token_id", special.eos());
        config.put("head_dim", d.headSize());
        config.put("hidden_act", "silu");
        config.put("hidden_size", d.hidden());
        config.put("initializer_range", 0.02);
        config.put("intermediate_size", d.intermediate());
        config.put("max_position_embeddings", d.context());
        config.put("model_type", "phi3");
        config.put("num_attention_heads", d.heads());
        config.put("num_hidden_layers", d.layers());
        config.put("num_key_value_heads", d.kvHeads());
        config.put("original_max_position_embeddings", d.context());
        config.put("pad_token_id", special.pad());
        config.put("resid_pdrop", 0.0);
        config.put("rms_norm_eps", d.rmsNormEps());
        config.putNull("rope_scaling");
        config.put("rope_theta", d.ropeTheta());
        config.putNull("sliding_window");
        config.put("tie_word_embeddings", false);
        config.put("torch_dtype", precision == Precision.FP16 ? "float16" : "float32");
        config.put("use_cache", true);
        config.put("vocab_size", d.vocab());
        write(folder.resolve("config.json"), config);

        ObjectNode generation = JSON.createObjectNode();
        generation.put("bos_token_id", special.bos());
        generation.put("do_sample", false);
        ArrayNode eos = generation.putArray("eos_token_id");
        special.eosIds().forEach(eos::add);
        generation.put("pad_token_id", special.pad());
        write(folder.resolve("generation_config.json"), generation);

        ObjectNode tokenizer = JSON.createObjectNode();
        tokenizer.put("add_bos_token", true);
        tokenizer.put("add_eos_token", false);
        tokenizer.put("bos_token", "<s>");
        tokenizer.put("chat_template", PHI3_CHAT_TEMPLATE);
        tokenizer.put("clean_up_tokenization_spaces", false);
        tokenizer.put("eos_token", "<|endoftext|>");
        tokenizer.put("legacy", false);
        tokenizer.put("model_max_length", d.context());
        tokenizer.put("pad_token", "<|endoftext|>");
        tokenizer.put("padding_side", "left");
        tokenizer.put("tokenizer_class", "LlamaTokenizer");
        tokenizer.put("unk_token", "<unk>");
        write(folder.resolve("tokenizer_config.json"), tokenizer);

        ObjectNode map = JSON.createObjectNode();
        map.put("bos_token", "<s>");
        map.put("eos_token", "<|endoftext|>");
        map.put("pad_token", "<|endoftext|>");
        map.put("unk_token", "<unk>");
        write(folder.resolve("special_tokens_map.json"), map);
    }

    private static void write(Path file, ObjectNode node) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(node) + "\n");
    }
}
