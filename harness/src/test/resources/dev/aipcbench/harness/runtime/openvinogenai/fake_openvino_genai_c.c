/*
 * A fake openvino_genai_c: the LLMPipeline, generation config, decoded results and perf metrics functions
 * of the OpenVINO GenAI C API the suite binds. The toy pipeline "generates" token i of a prompt as
 * (strlen(prompt) * 31 + i * 7 + 7) % 1000 and streams it as the text "<id> ", spinning a little per
 * token. Like a model that soon emits EOS, it stops after 3 tokens unless min_new_tokens reaches
 * max_new_tokens or ignore_eos is set. A prompt containing "FAIL" fails with GENERAL_ERROR, leaving a
 * text in the fake openvino_c it links to. It remembers the device, properties and prompt it was given.
 * Variants: -DFAKE_STANDALONE (no openvino_c to link), -DFAKE_NO_FIXED_LENGTH (a build without
 * set_min_new_tokens and set_ignore_eos).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#ifdef FAKE_STANDALONE
static void fake_ov_set_last_error(const char *text) {}
#else
void fake_ov_set_last_error(const char *text);
#endif

typedef enum { RUNNING = 0, STOP = 1, CANCEL = 2 } ov_genai_streaming_status_e;
typedef struct {
    ov_genai_streaming_status_e (*callback_func)(const char *str, void *args);
    void *args;
} streamer_callback;

typedef struct { char device[64]; } ov_genai_llm_pipeline;
typedef struct { size_t max_new_tokens, min_new_tokens; bool ignore_eos, do_sample; } ov_genai_generation_config;
typedef struct { char *text; size_t input_tokens, generated; float ttft_ms, tpot_ms, generate_ms; } ov_genai_decoded_results;
typedef struct { size_t input_tokens, generated; float ttft_ms, tpot_ms, generate_ms; } ov_genai_perf_metrics;

static char last_device[64];
static char last_properties[1024];
static char last_prompt[4096];
const char *fake_last_device(void) { return last_device; }
const char *fake_last_properties(void) { return last_properties; }
const char *fake_last_prompt(void) { return last_prompt; }

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void spin(double ms) {
    double end = now_ms() + ms;
    while (now_ms() < end) {
    }
}

int ov_genai_llm_pipeline_create(const char *models_path, const char *device, const size_t property_args_size,
                                 ov_genai_llm_pipeline **pipe, ...) {
    char xml[4200];
    struct stat st;
    snprintf(xml, sizeof xml, "%s/openvino_model.xml", models_path);
    if (stat(xml, &st) != 0) {
        char text[4300];
        snprintf(text, sizeof text, "Exception from src/cpp/src/llm/pipeline.cpp: %s not found", xml);
        fake_ov_set_last_error(text);
        return -1;
    }
    snprintf(last_device, sizeof last_device, "%s", device);
    last_properties[0] = 0;
    va_list args;
    va_start(args, pipe);
    for (size_t i = 0; i < property_args_size; i++) {
        const char *s = va_arg(args, const char *);
        strncat(last_properties, s, sizeof last_properties - strlen(last_properties) - 2);
        strncat(last_properties, i % 2 == 0 ? "=" : ";", 2);
    }
    va_end(args);
    *pipe = calloc(1, sizeof **pipe);
    snprintf((*pipe)->device, sizeof (*pipe)->device, "%s", device);
    return 0;
}
void ov_genai_llm_pipeline_free(ov_genai_llm_pipeline *pipe) { free(pipe); }

int ov_genai_generation_config_create(ov_genai_generation_config **config) {
    *config = calloc(1, sizeof **config);
    (*config)->max_new_tokens = SIZE_MAX;
    return 0;
}
void ov_genai_generation_config_free(ov_genai_generation_config *c) { free(c); }
int ov_genai_generation_config_set_max_new_tokens(ov_genai_generation_config *c, const size_t v) { c->max_new_tokens = v; return 0; }
#ifndef FAKE_NO_FIXED_LENGTH
int ov_genai_generation_config_set_min_new_tokens(ov_genai_generation_config *c, const size_t v) { c->min_new_tokens = v; return 0; }
int ov_genai_generation_config_set_ignore_eos(ov_genai_generation_config *c, const bool v) { c->ignore_eos = v; return 0; }
#endif
int ov_genai_generation_config_set_do_sample(ov_genai_generation_config *c, const bool v) { c->do_sample = v; return 0; }

int ov_genai_llm_pipeline_generate(ov_genai_llm_pipeline *pipe, const char *inputs, const ov_genai_generation_config *config,
                                   const streamer_callback *streamer, ov_genai_decoded_results **results) {
    snprintf(last_prompt, sizeof last_prompt, "%s", inputs);
    if (strstr(inputs, "FAIL")) {
        fake_ov_set_last_error("Exception from the fake pipeline: the prompt asked to fail");
        return -1;
    }
    if (config->do_sample) return -14; /* the toy pipeline is greedy only */
    size_t n = config->max_new_tokens;
    if (!config->ignore_eos && config->min_new_tokens < n && n > 3) n = 3;
    ov_genai_decoded_results *r = calloc(1, sizeof *r);
    r->text = calloc(n * 8 + 1, 1);
    size_t words = 1;
    for (const char *p = inputs; *p; p++) words += *p == ' ';
    r->input_tokens = words;
    double start = now_ms(), first = 0, previous = 0;
    for (size_t i = 0; i < n; i++) {
        spin(i == 0 ? 0.3 : 0.1);
        char chunk[16];
        snprintf(chunk, sizeof chunk, "%zu ", (strlen(inputs) * 31 + i * 7 + 7) % 1000);
        strcat(r->text, chunk);
        previous = now_ms();
        if (i == 0) first = previous;
        if (streamer && streamer->callback_func(chunk, streamer->args) != RUNNING) { n = i + 1; break; }
    }
    r->generated = n;
    r->ttft_ms = (float) (first - start);
    r->tpot_ms = n > 1 ? (float) ((previous - first) / (n - 1)) : 0;
    r->generate_ms = (float) (now_ms() - start);
    if (results) *results = r; else { free(r->text); free(r); }
    return 0;
}

void ov_genai_decoded_results_free(ov_genai_decoded_results *r) { if (r) { free(r->text); free(r); } }
int ov_genai_decoded_results_get_string(const ov_genai_decoded_results *r, char *output, size_t *size) {
    size_t need = strlen(r->text) + 1;
    if (!output) { *size = need; return 0; }
    if (*size < need) return -6;
    memcpy(output, r->text, need);
    return 0;
}
int ov_genai_decoded_results_get_perf_metrics(const ov_genai_decoded_results *r, ov_genai_perf_metrics **m) {
    *m = calloc(1, sizeof **m);
    (*m)->input_tokens = r->input_tokens;
    (*m)->generated = r->generated;
    (*m)->ttft_ms = r->ttft_ms;
    (*m)->tpot_ms = r->tpot_ms;
    (*m)->generate_ms = r->generate_ms;
    return 0;
}
void ov_genai_decoded_results_perf_metrics_free(ov_genai_perf_metrics *m) { free(m); }
int ov_genai_perf_metrics_get_load_time(const ov_genai_perf_metrics *m, float *v) { *v = 12.5f; return 0; }
int ov_genai_perf_metrics_get_num_generation_tokens(const ov_genai_perf_metrics *m, size_t *v) { *v = m->generated; return 0; }
int ov_genai_perf_metrics_get_num_input_tokens(const ov_genai_perf_metrics *m, size_t *v) { *v = m->input_tokens; return 0; }
int ov_genai_perf_metrics_get_ttft(const ov_genai_perf_metrics *m, float *mean, float *std) { *mean = m->ttft_ms; *std = 0; return 0; }
int ov_genai_perf_metrics_get_tpot(const ov_genai_perf_metrics *m, float *mean, float *std) { *mean = m->tpot_ms; *std = 0; return 0; }
int ov_genai_perf_metrics_get_generate_duration(const ov_genai_perf_metrics *m, float *mean, float *std) { *mean = m->generate_ms; *std = 0; return 0; }
