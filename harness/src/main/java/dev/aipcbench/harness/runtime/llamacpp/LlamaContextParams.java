package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Structure;

import java.nio.ByteBuffer;

/**
 * {@code struct llama_context_params}, by value, starting from {@code llama_context_default_params()}.
 * Only its first fields are changed: {@code n_ctx}, {@code n_batch}, {@code n_ubatch}, which lead the
 * struct in every layout with {@code n_ubatch} (since March 2024, when {@code llama_n_ubatch} appeared),
 * behind a {@code seed} until September 2024. The seed defaults to {@code LLAMA_DEFAULT_SEED}
 * (0xFFFFFFFF), which no context size is, so the defaults tell the layouts apart. Threads are set with
 * {@code llama_set_n_threads} rather than here, because fields were inserted before them in 2025; and
 * the context reports what it really got ({@code llama_n_ctx} ...), which the session checks.
 */
public class LlamaContextParams extends LlamaStruct implements Structure.ByValue {
    static final int SIZE = 512;
    private static final int DEFAULT_SEED = 0xFFFFFFFF;

    public LlamaContextParams() {
        super(SIZE);
    }

    /** Offset of {@code n_ctx}: 4 behind a leading seed, else 0. */
    int contextOffset() {
        return fields().getInt(0) == DEFAULT_SEED ? 4 : 0;
    }

    /** Sets the context size and the logical and physical batch sizes. */
    void size(int context, int batch, int microBatch) {
        int offset = contextOffset();
        ByteBuffer f = fields();
        f.putInt(offset, context);
        f.putInt(offset + 4, batch);
        f.putInt(offset + 8, microBatch);
    }
}
