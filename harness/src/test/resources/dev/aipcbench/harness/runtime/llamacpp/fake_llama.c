/*
 * A fake libllama: the functions of llama.h the suite binds, with the struct layouts of a 2026 build
 * (default) or of a mid-2024 build (-DFAKE_OLD_API: old function names, a seed leading the context params,
 * n_gpu_layers leading the model params, llama_batch with all_pos_0/all_pos_1/all_seq_id and a
 * four-argument llama_batch_get_one). The toy model's logits peak at
 * (last_token * 31 + position * 7 + 7) % vocab, position being the last token's; each llama_decode spins
 * a little so timings are not zero. A "GGUF" file here is the magic followed by "vocab=V layers=L ctx=C".
 * Models load only after ggml_backend_load_all() or ggml_backend_load_all_from_path(), as with release
 * builds' dynamic backends, before which ggml lists no device.
 * -DFAKE_GPU makes llama_supports_gpu_offload() true.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef FAKE_OLD_API
struct llama_model_params {
    int32_t n_gpu_layers;
    int32_t split_mode;
    int32_t main_gpu;
    const float *tensor_split;
    const char *rpc_servers;
    void *progress_callback;
    void *progress_callback_user_data;
    const void *kv_overrides;
    bool vocab_only, use_mmap, use_mlock, check_tensors;
};
struct llama_context_params {
    uint32_t seed;
    uint32_t n_ctx, n_batch, n_ubatch, n_seq_max;
    int32_t n_threads, n_threads_batch;
    int32_t rope_scaling_type, pooling_type, attention_type;
    float rope_freq_base, rope_freq_scale, yarn_ext_factor, yarn_attn_factor, yarn_beta_fast, yarn_beta_slow;
    uint32_t yarn_orig_ctx;
    float defrag_thold;
    void *cb_eval, *cb_eval_user_data;
    int32_t type_k, type_v;
    bool logits_all, embeddings, offload_kqv, flash_attn, no_perf;
    void *abort_callback, *abort_callback_data;
};
typedef struct llama_batch {
    int32_t n_tokens;
    int32_t *token;
    float *embd;
    int32_t *pos;
    int32_t *n_seq_id;
    int32_t **seq_id;
    int8_t *logits;
    int32_t all_pos_0, all_pos_1, all_seq_id;
} llama_batch;
#else
struct llama_model_params {
    void *devices;
    const void *tensor_buft_overrides;
    int32_t n_gpu_layers;
    int32_t split_mode;
    int32_t main_gpu;
    const float *tensor_split;
    void *progress_callback;
    void *progress_callback_user_data;
    const void *kv_overrides;
    bool vocab_only, use_mmap, use_direct_io, use_mlock, check_tensors, use_extra_bufts, no_host, no_alloc;
};
struct llama_context_params {
    uint32_t n_ctx, n_batch, n_ubatch, n_seq_max, n_rs_seq, n_outputs_max;
    int32_t n_threads, n_threads_batch;
    int32_t ctx_type, rope_scaling_type, pooling_type, attention_type, flash_attn_type;
    float rope_freq_base, rope_freq_scale, yarn_ext_factor, yarn_attn_factor, yarn_beta_fast, yarn_beta_slow;
    uint32_t yarn_orig_ctx;
    float defrag_thold;
    void *cb_eval, *cb_eval_user_data;
    int32_t type_k, type_v;
    void *abort_callback, *abort_callback_data;
    bool embeddings, offload_kqv, no_perf, op_offload, swa_full, kv_unified;
    void *samplers;
    size_t n_samplers;
};
typedef struct llama_batch {
    int32_t n_tokens;
    int32_t *token;
    float *embd;
    int32_t *pos;
    int32_t *n_seq_id;
    int32_t **seq_id;
    int8_t *logits;
} llama_batch;
#endif

typedef struct { int vocab, layers, ctx_train; } llama_model;
typedef struct { int vocab; } llama_vocab;
typedef struct {
    llama_model *model;
    uint32_t n_ctx, n_batch, n_ubatch;
    int32_t n_threads;
    int32_t kv[1 << 16];
    int kv_len;
    float *logits;
    int n_outputs;
} llama_context;

/* ---- what the test asks the fake afterwards ---- */
static bool backends_loaded;
static struct llama_model_params last_model_params;
static int32_t last_threads = -1;
int32_t fake_last_n_gpu_layers(void) { return last_model_params.n_gpu_layers; }
int32_t fake_last_split_mode(void) { return last_model_params.split_mode; }
int32_t fake_last_main_gpu(void) { return last_model_params.main_gpu; }
int32_t fake_last_threads(void) { return last_threads; }

/* ---- ggml ---- */
void ggml_backend_load_all(void) { backends_loaded = true; }
void ggml_backend_load_all_from_path(const char *dir) { (void) dir; backends_loaded = true; }
size_t ggml_backend_dev_count(void) { return backends_loaded ? 2 : 0; }
void *ggml_backend_dev_get(size_t i) { return (void *) (i + 1); }
const char *ggml_backend_dev_name(void *dev) { return dev == (void *) 1 ? "CPU" : "FakeGPU0"; }
const char *ggml_backend_dev_description(void *dev) { return dev == (void *) 1 ? "fake CPU" : "fake integrated GPU"; }

void llama_backend_init(void) {}
bool llama_supports_gpu_offload(void) {
#ifdef FAKE_GPU
    return true;
#else
    return false;
#endif
}
const char *llama_print_system_info(void) { return "CPU : FAKE = 1 | "; }

struct llama_model_params llama_model_default_params(void) {
    struct llama_model_params p;
    memset(&p, 0, sizeof p);
    p.n_gpu_layers = -1;
    p.split_mode = 1; /* LLAMA_SPLIT_MODE_LAYER */
    p.use_mmap = true;
    return p;
}

struct llama_context_params llama_context_default_params(void) {
    struct llama_context_params p;
    memset(&p, 0, sizeof p);
#ifdef FAKE_OLD_API
    p.seed = 0xFFFFFFFF;
#endif
    p.n_ctx = 512;
    p.n_batch = 2048;
    p.n_ubatch = 512;
    p.n_seq_max = 1;
    p.n_threads = 4;
    p.n_threads_batch = 4;
    return p;
}

static llama_model *load(const char *path, struct llama_model_params params) {
    last_model_params = params;
    if (!backends_loaded) {
        fprintf(stderr, "fake llama: no backends are loaded\n");
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char header[256] = {0};
    size_t n = fread(header, 1, sizeof header - 1, f);
    fclose(f);
    if (n < 4 || memcmp(header, "GGUF", 4) != 0) {
        fprintf(stderr, "fake llama: %s is not a GGUF file\n", path);
        return NULL;
    }
    llama_model *m = calloc(1, sizeof *m);
    if (sscanf(header + 4, " vocab=%d layers=%d ctx=%d", &m->vocab, &m->layers, &m->ctx_train) != 3) {
        free(m);
        return NULL;
    }
    return m;
}

static llama_context *new_context(llama_model *m, struct llama_context_params p) {
    llama_context *c = calloc(1, sizeof *c);
    c->model = m;
    c->n_ctx = p.n_ctx == 0 ? (uint32_t) m->ctx_train : p.n_ctx;
    c->n_batch = p.n_batch < c->n_ctx ? p.n_batch : c->n_ctx;
    c->n_ubatch = p.n_ubatch < c->n_batch ? p.n_ubatch : c->n_batch;
    c->n_threads = p.n_threads;
    c->logits = calloc(m->vocab, sizeof(float));
    return c;
}

#ifdef FAKE_OLD_API
llama_model *llama_load_model_from_file(const char *path, struct llama_model_params params) { return load(path, params); }
void llama_free_model(llama_model *m) { free(m); }
llama_context *llama_new_context_with_model(llama_model *m, struct llama_context_params p) { return new_context(m, p); }
int32_t llama_n_vocab(const llama_model *m) { return m->vocab; }
int32_t llama_n_ctx_train(const llama_model *m) { return m->ctx_train; }
int32_t llama_n_layer(const llama_model *m) { return m->layers; }
#else
llama_model *llama_model_load_from_file(const char *path, struct llama_model_params params) { return load(path, params); }
void llama_model_free(llama_model *m) { free(m); }
llama_context *llama_init_from_model(llama_model *m, struct llama_context_params p) { return new_context(m, p); }
const llama_vocab *llama_model_get_vocab(const llama_model *m) { return (const llama_vocab *) &m->vocab; }
int32_t llama_vocab_n_tokens(const llama_vocab *v) { return v->vocab; }
int32_t llama_model_n_ctx_train(const llama_model *m) { return m->ctx_train; }
int32_t llama_model_n_layer(const llama_model *m) { return m->layers; }
int32_t llama_model_desc(const llama_model *m, char *buf, size_t size) {
    return snprintf(buf, size, "fake %d-layer toy", m->layers);
}
#endif

void llama_free(llama_context *c) { if (c) { free(c->logits); free(c); } }
uint32_t llama_n_ctx(const llama_context *c) { return c->n_ctx; }
uint32_t llama_n_batch(const llama_context *c) { return c->n_batch; }
uint32_t llama_n_ubatch(const llama_context *c) { return c->n_ubatch; }
void llama_set_n_threads(llama_context *c, int32_t n, int32_t n_batch) { c->n_threads = n; last_threads = n; }

#ifdef FAKE_OLD_API
llama_batch llama_batch_get_one(int32_t *tokens, int32_t n_tokens, int32_t pos_0, int32_t seq_id) {
    llama_batch b = {n_tokens, tokens, NULL, NULL, NULL, NULL, NULL, pos_0, 1, seq_id};
    return b;
}
#else
llama_batch llama_batch_get_one(int32_t *tokens, int32_t n_tokens) {
    llama_batch b = {n_tokens, tokens, NULL, NULL, NULL, NULL, NULL};
    return b;
}
#endif

static void spin(long nanos) {
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while ((now.tv_sec - start.tv_sec) * 1000000000L + (now.tv_nsec - start.tv_nsec) < nanos);
}

int32_t llama_decode(llama_context *c, llama_batch b) {
    if (b.n_tokens <= 0 || (uint32_t) b.n_tokens > c->n_batch) {
        fprintf(stderr, "fake llama: batch of %d tokens for n_batch %u\n", b.n_tokens, c->n_batch);
        return -1;
    }
#ifdef FAKE_OLD_API
    if (b.all_pos_0 != c->kv_len) {
        fprintf(stderr, "fake llama: batch starts at position %d but the cache holds %d tokens\n", b.all_pos_0, c->kv_len);
        return -1;
    }
#endif
    if ((uint32_t) (c->kv_len + b.n_tokens) > c->n_ctx) return 1;
    spin(50000 + 5000L * b.n_tokens);
    memcpy(c->kv + c->kv_len, b.token, sizeof(int32_t) * b.n_tokens);
    c->kv_len += b.n_tokens;
    int vocab = c->model->vocab;
    int last = b.token[b.n_tokens - 1];
    int position = c->kv_len - 1;
    int peak = (int) (((long) last * 31 + (long) position * 7 + 7) % vocab);
    for (int i = 0; i < vocab; i++) c->logits[i] = (float) ((i * 7) % 13) / 13.0f;
    c->logits[peak] = 5.0f;
    c->n_outputs = b.n_tokens;
    return 0;
}

float *llama_get_logits_ith(llama_context *c, int32_t i) {
    if (i == -1 || i == c->n_outputs - 1) return c->logits;
    return NULL;
}

static bool remove_from(llama_context *c, int32_t seq, int32_t p0, int32_t p1) {
    if (seq != 0 || p1 != -1 || p0 < 0) return false;
    if (p0 < c->kv_len) c->kv_len = p0;
    return true;
}

#ifdef FAKE_OLD_API
bool llama_kv_cache_seq_rm(llama_context *c, int32_t seq, int32_t p0, int32_t p1) { return remove_from(c, seq, p0, p1); }
#else
void *llama_get_memory(const llama_context *c) { return (void *) c; }
bool llama_memory_seq_rm(void *mem, int32_t seq, int32_t p0, int32_t p1) { return remove_from(mem, seq, p0, p1); }
#endif

int fake_kv_len(const llama_context *c) { return c->kv_len; }
