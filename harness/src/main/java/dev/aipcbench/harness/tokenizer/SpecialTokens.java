package dev.aipcbench.harness.tokenizer;

import java.util.List;

/**
 * The ids a generation loop and {@code genai_config.json} need from a Phi-3-style tokenizer.
 *
 * @param eos    the tokenizer's end-of-sequence token ({@code <|endoftext|>})
 * @param pad    the padding token (Phi-3 pads with {@code <|endoftext|>})
 * @param end    {@code <|end|>}, which closes each chat turn
 * @param eosIds every id that ends generation, in Phi-3's order: {@code <|end|>}, {@code <|assistant|>},
 *               {@code <|endoftext|>} (genai_config's {@code eos_token_id})
 */
public record SpecialTokens(int bos, int eos, int pad, int end, int user, int assistant, int system,
                            List<Integer> eosIds) {

    public SpecialTokens {
        eosIds = List.copyOf(eosIds);
    }
}
