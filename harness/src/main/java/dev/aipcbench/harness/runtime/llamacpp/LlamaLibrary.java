package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The functions of llama.cpp's {@code llama.h} the suite uses, under every name they have had; which
 * ones a library exports is decided once by {@link LlamaApi}. A JNA interface binds lazily, so naming a
 * function the library lacks costs nothing until it is called, which {@link LlamaApi} never does.
 *
 * <p>Mapping notes: C {@code bool} returns are {@code byte} (only the low byte is defined);
 * {@code llama_batch_get_one} is declared with the four parameters of 2024 builds
 * ({@code tokens, n_tokens, pos_0, seq_id}); newer builds take two and ignore the rest, as C calling
 * conventions let them.
 */
public interface LlamaLibrary extends Library {
    void llama_backend_init();

    LlamaModelParams llama_model_default_params();

    LlamaContextParams llama_context_default_params();

    Pointer llama_model_load_from_file(String path, LlamaModelParams params);

    Pointer llama_load_model_from_file(String path, LlamaModelParams params);

    void llama_model_free(Pointer model);

    void llama_free_model(Pointer model);

    Pointer llama_init_from_model(Pointer model, LlamaContextParams params);

    Pointer llama_new_context_with_model(Pointer model, LlamaContextParams params);

    void llama_free(Pointer context);

    int llama_n_ctx(Pointer context);

    int llama_n_batch(Pointer context);

    int llama_n_ubatch(Pointer context);

    void llama_set_n_threads(Pointer context, int threads, int batchThreads);

    int llama_n_threads(Pointer context);

    Pointer llama_model_get_vocab(Pointer model);

    int llama_vocab_n_tokens(Pointer vocab);

    /** Takes the model in the builds that lack {@code llama_vocab_n_tokens}, the only ones it is called on. */
    int llama_n_vocab(Pointer model);

    int llama_model_n_ctx_train(Pointer model);

    int llama_n_ctx_train(Pointer model);

    int llama_model_n_layer(Pointer model);

    int llama_n_layer(Pointer model);

    int llama_model_desc(Pointer model, byte[] buffer, long size);

    LlamaBatch llama_batch_get_one(Pointer tokens, int count, int firstPosition, int sequence);

    int llama_decode(Pointer context, LlamaBatch batch);

    Pointer llama_get_logits_ith(Pointer context, int index);

    Pointer llama_get_memory(Pointer context);

    byte llama_memory_seq_rm(Pointer memory, int sequence, int from, int to);

    byte llama_kv_self_seq_rm(Pointer context, int sequence, int from, int to);

    byte llama_kv_cache_seq_rm(Pointer context, int sequence, int from, int to);

    byte llama_supports_gpu_offload();

    String llama_print_system_info();
}
