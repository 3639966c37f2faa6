/*
 * A fake onnxruntime-genai: the functions of ort_genai_c.h the suite binds, over a deterministic toy
 * model. The generator follows genai's own state machine (generators.cpp): AppendTokens runs the model on
 * the new tokens (first on the sampled token, when the last action was a GenerateNextToken);
 * GenerateNextToken runs the model on the sampled token unless logits are already computed, then samples
 * and appends; RewindTo shortens the sequence and the cache. The toy model's logits peak at
 * (last_token * 31 + position * 7 + 7) % vocab, position being the last token's. Each forward pass spins
 * for a few microseconds so timings are not zero.
 *
 * Variants: -DFAKE_NO_REWIND (an older build: no RewindTo, no GetLogits), -DFAKE_NO_APPEND (a build too
 * old for the suite: no AppendTokens).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { char *message; } OgaResult;

static OgaResult *fail(const char *fmt, ...) {
    OgaResult *r = malloc(sizeof *r);
    r->message = malloc(1024);
    va_list args;
    va_start(args, fmt);
    vsnprintf(r->message, 1024, fmt, args);
    va_end(args);
    return r;
}

const char *OgaResultGetError(const OgaResult *result) { return result->message; }
void OgaDestroyResult(OgaResult *result) { if (result) { free(result->message); free(result); } }
void OgaDestroyString(const char *s) { free((void *) s); }

/* ---- what the test asks the fake afterwards ---- */
static char last_provider[64];
static char last_option[256];
static char last_overlay[1024];
static double search_max_length = -1, search_min_length = -1, search_top_k = -1;
static int search_do_sample = -1;
static long forward_tokens;

const char *fake_last_provider(void) { return last_provider; }
const char *fake_last_provider_option(void) { return last_option; }
const char *fake_last_overlay(void) { return last_overlay; }
double fake_search_number(const char *name) {
    if (!strcmp(name, "max_length")) return search_max_length;
    if (!strcmp(name, "min_length")) return search_min_length;
    if (!strcmp(name, "top_k")) return search_top_k;
    return -1;
}
int fake_do_sample(void) { return search_do_sample; }
long fake_forward_tokens(void) { return forward_tokens; }

/* ---- config ---- */
typedef struct {
    char provider[64];
    int vocab, context, max_length;
} OgaConfig;

static int json_int(const char *json, const char *key, int fallback) {
    char pattern[128];
    snprintf(pattern, sizeof pattern, "\"%s\"", key);
    const char *at = strstr(json, pattern);
    if (!at) return fallback;
    at = strchr(at + strlen(pattern), ':');
    return at ? atoi(at + 1) : fallback;
}

OgaResult *OgaCreateConfig(const char *config_path, OgaConfig **out) {
    char file[4200];
    snprintf(file, sizeof file, "%s/genai_config.json", config_path);
    FILE *f = fopen(file, "rb");
    if (!f) return fail("Error opening %s", file);
    static char json[1 << 16];
    size_t n = fread(json, 1, sizeof json - 1, f);
    fclose(f);
    json[n] = 0;
    OgaConfig *c = calloc(1, sizeof *c);
    c->vocab = json_int(json, "vocab_size", 0);
    c->context = json_int(json, "context_length", 0);
    c->max_length = json_int(json, "max_length", c->context);
    if (c->vocab <= 0) { free(c); return fail("%s: model.vocab_size missing", file); }
    *out = c;
    return NULL;
}

OgaResult *OgaConfigClearProviders(OgaConfig *c) { c->provider[0] = 0; return NULL; }
OgaResult *OgaConfigAppendProvider(OgaConfig *c, const char *provider) {
    snprintf(c->provider, sizeof c->provider, "%s", provider);
    return NULL;
}
OgaResult *OgaConfigSetProviderOption(OgaConfig *c, const char *provider, const char *key, const char *value) {
    snprintf(last_option, sizeof last_option, "%s:%s=%s", provider, key, value);
    return NULL;
}
OgaResult *OgaConfigOverlay(OgaConfig *c, const char *json) {
    if (json[0] != '{') return fail("Overlay JSON is not an object: %s", json);
    snprintf(last_overlay, sizeof last_overlay, "%s", json);
    return NULL;
}
void OgaDestroyConfig(OgaConfig *c) { free(c); }

/* ---- model ---- */
typedef struct { int vocab, context, max_length; char device[32]; } OgaModel;

OgaResult *OgaCreateModelFromConfig(const OgaConfig *c, OgaModel **out) {
    snprintf(last_provider, sizeof last_provider, "%s", c->provider);
    /* A CUDA build of genai: any other provider is missing from its onnxruntime. */
    if (c->provider[0] && strcmp(c->provider, "cuda") != 0)
        return fail("%s execution provider is not supported in this build. ", c->provider);
    OgaModel *m = calloc(1, sizeof *m);
    m->vocab = c->vocab;
    m->context = c->context;
    m->max_length = c->max_length;
    snprintf(m->device, sizeof m->device, "%s", c->provider[0] ? "CUDA" : "CPU");
    *out = m;
    return NULL;
}
OgaResult *OgaModelGetDeviceType(const OgaModel *m, const char **out) { *out = strdup(m->device); return NULL; }
void OgaDestroyModel(OgaModel *m) { free(m); }

/* ---- generator params ---- */
typedef struct { OgaModel *model; int max_length, min_length; bool do_sample; } OgaGeneratorParams;

OgaResult *OgaCreateGeneratorParams(const OgaModel *m, OgaGeneratorParams **out) {
    OgaGeneratorParams *p = calloc(1, sizeof *p);
    p->model = (OgaModel *) m;
    p->max_length = m->max_length;
    *out = p;
    return NULL;
}
OgaResult *OgaGeneratorParamsSetSearchNumber(OgaGeneratorParams *p, const char *name, double value) {
    if (!strcmp(name, "max_length")) { p->max_length = (int) value; search_max_length = value; }
    else if (!strcmp(name, "min_length")) { p->min_length = (int) value; search_min_length = value; }
    else if (!strcmp(name, "top_k")) search_top_k = value;
    else if (strcmp(name, "num_beams") != 0) return fail("Unknown search option: %s", name);
    return NULL;
}
OgaResult *OgaGeneratorParamsSetSearchBool(OgaGeneratorParams *p, const char *name, bool value) {
    if (strcmp(name, "do_sample") != 0) return fail("Unknown search option: %s", name);
    p->do_sample = value;
    search_do_sample = value;
    return NULL;
}
void OgaDestroyGeneratorParams(OgaGeneratorParams *p) { free(p); }

/* ---- generator ---- */
enum { STANDARD, GENERATED, REWOUND };

typedef struct {
    int vocab, max_length;
    int32_t *seq;
    int seq_len, kv_len;
    bool computed;
    int last_action;
    float *logits;
    int32_t next;
} OgaGenerator;

static void spin(long nanos) {
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while ((now.tv_sec - start.tv_sec) * 1000000000L + (now.tv_nsec - start.tv_nsec) < nanos);
}

/* Runs the toy model on n tokens at the end of the cache; logits are the last token's. */
static void forward(OgaGenerator *g, const int32_t *tokens, int n) {
    spin(50000 + 5000L * n);
    g->kv_len += n;
    forward_tokens += n;
    int last = tokens[n - 1];
    int position = g->kv_len - 1;
    int peak = (int) (((long) last * 31 + (long) position * 7 + 7) % g->vocab);
    for (int i = 0; i < g->vocab; i++) g->logits[i] = (float) ((i * 7) % 13) / 13.0f;
    g->logits[peak] = 5.0f;
    g->computed = true;
    g->last_action = STANDARD;
}

OgaResult *OgaCreateGenerator(const OgaModel *m, const OgaGeneratorParams *p, OgaGenerator **out) {
    if (p->max_length > m->context)
        return fail("max_length (%d) cannot be greater than model context_length (%d)", p->max_length, m->context);
    OgaGenerator *g = calloc(1, sizeof *g);
    g->vocab = m->vocab;
    g->max_length = p->max_length;
    g->seq = calloc(p->max_length + 1, sizeof(int32_t));
    g->logits = calloc(m->vocab, sizeof(float));
    *out = g;
    return NULL;
}
void OgaDestroyGenerator(OgaGenerator *g) { if (g) { free(g->seq); free(g->logits); free(g); } }
bool OgaGenerator_IsDone(const OgaGenerator *g) { return !g->computed && g->seq_len >= g->max_length; }

#ifndef FAKE_NO_APPEND
OgaResult *OgaGenerator_AppendTokens(OgaGenerator *g, const int32_t *ids, size_t count) {
    if (count == 0) return fail("input_ids is empty");
    if ((int) count + g->seq_len > g->max_length)
        return fail("input_ids size (%zu) + current sequence length (%d) exceeds max length (%d)", count, g->seq_len, g->max_length);
    if (g->last_action == GENERATED) { g->computed = false; forward(g, &g->seq[g->seq_len - 1], 1); }
    memcpy(g->seq + g->seq_len, ids, count * sizeof(int32_t));
    g->seq_len += (int) count;
    g->computed = false;
    forward(g, ids, (int) count);
    return NULL;
}
#endif

OgaResult *OgaGenerator_GenerateNextToken(OgaGenerator *g) {
    if (g->seq_len >= g->max_length) return fail("Search is already done, can't generate next token");
    if (g->seq_len == 0 && !g->computed)
        return fail("GenerateNextToken called with no prior state. Please call AppendTokens, SetLogits, or params.SetInputs before calling GenerateNextToken.");
    if (!g->computed) {
        if (g->last_action == REWOUND) return fail("fake: GenerateNextToken straight after RewindTo is not modelled");
        forward(g, &g->seq[g->seq_len - 1], 1);
    }
    g->computed = false;
    int best = 0;
    for (int i = 1; i < g->vocab; i++) if (g->logits[i] > g->logits[best]) best = i;
    g->next = best;
    g->seq[g->seq_len++] = best;
    g->last_action = GENERATED;
    return NULL;
}

OgaResult *OgaGenerator_GetNextTokens(const OgaGenerator *g, const int32_t **out, size_t *out_count) {
    *out = &g->next;
    *out_count = 1;
    return NULL;
}

size_t OgaGenerator_GetSequenceCount(const OgaGenerator *g, size_t index) { return g->seq_len; }

#ifndef FAKE_NO_REWIND
OgaResult *OgaGenerator_RewindTo(OgaGenerator *g, size_t new_length) {
    if ((int) new_length > g->seq_len) return fail("Cannot rewind to a length greater than the current sequence length");
    if ((int) new_length == g->seq_len) return NULL;
    g->seq_len = (int) new_length;
    g->kv_len = (int) new_length;
    g->computed = false;
    g->last_action = REWOUND;
    return NULL;
}

typedef struct { float *data; int64_t shape[2]; } OgaTensor;

OgaResult *OgaGenerator_GetLogits(OgaGenerator *g, OgaTensor **out) {
    if (!g->computed) {
        if (g->seq_len == 0) return fail("fake: no logits before any token");
        forward(g, &g->seq[g->seq_len - 1], 1);
    }
    OgaTensor *t = malloc(sizeof *t);
    t->data = malloc(sizeof(float) * g->vocab);
    memcpy(t->data, g->logits, sizeof(float) * g->vocab);
    t->shape[0] = 1;
    t->shape[1] = g->vocab;
    *out = t;
    return NULL;
}
OgaResult *OgaTensorGetType(OgaTensor *t, int *out) { *out = 1; return NULL; }
OgaResult *OgaTensorGetShapeRank(OgaTensor *t, size_t *out) { *out = 2; return NULL; }
OgaResult *OgaTensorGetShape(OgaTensor *t, int64_t *dims, size_t count) {
    if (count != 2) return fail("shape_dims_count must be 2");
    dims[0] = t->shape[0];
    dims[1] = t->shape[1];
    return NULL;
}
OgaResult *OgaTensorGetData(OgaTensor *t, void **out) { *out = t->data; return NULL; }
void OgaDestroyTensor(OgaTensor *t) { if (t) { free(t->data); free(t); } }
#endif
