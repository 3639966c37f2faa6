package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Structure;

/**
 * {@code struct llama_batch}, by value, as {@code llama_batch_get_one} builds it and {@code llama_decode}
 * takes it (56 bytes today, 68 with the {@code all_pos_0/all_pos_1/all_seq_id} fields of 2024 builds).
 */
public class LlamaBatch extends LlamaStruct implements Structure.ByValue {
    static final int SIZE = 128;

    public LlamaBatch() {
        super(SIZE);
    }
}
