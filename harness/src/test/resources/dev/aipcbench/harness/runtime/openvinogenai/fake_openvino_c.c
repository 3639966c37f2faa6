/*
 * A fake openvino_c: the functions of openvino/c/ov_core.h and ov_common.h the suite binds. It reports
 * the devices of an AI PC with a discrete GPU (CPU, GPU.0 integrated, GPU.1 discrete, NPU), or only CPU
 * with -DFAKE_CPU_ONLY. fake_ov_set_last_error lets the fake openvino_genai_c leave an error text, as
 * OpenVINO keeps one for ov_get_last_err_msg.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int unused; } ov_core_t;
typedef struct { char **devices; size_t size; } ov_available_devices_t;
typedef struct { const char *buildNumber; const char *description; } ov_version_t;

#ifdef FAKE_CPU_ONLY
static const char *DEVICES[] = {"CPU"};
#else
static const char *DEVICES[] = {"CPU", "GPU.0", "GPU.1", "NPU"};
#endif
static char last_error[512];

void fake_ov_set_last_error(const char *text) { strncpy(last_error, text, sizeof last_error - 1); }

int ov_core_create(ov_core_t **core) { *core = calloc(1, sizeof **core); return 0; }
void ov_core_free(ov_core_t *core) { free(core); }

int ov_core_get_available_devices(const ov_core_t *core, ov_available_devices_t *out) {
    size_t n = sizeof DEVICES / sizeof DEVICES[0];
    out->devices = malloc(n * sizeof(char *));
    for (size_t i = 0; i < n; i++) out->devices[i] = strdup(DEVICES[i]);
    out->size = n;
    return 0;
}
void ov_available_devices_free(ov_available_devices_t *d) {
    for (size_t i = 0; i < d->size; i++) free(d->devices[i]);
    free(d->devices);
    d->devices = NULL;
    d->size = 0;
}

int ov_core_get_property(const ov_core_t *core, const char *device, const char *key, char **value) {
    if (strcmp(key, "DEVICE_TYPE") != 0) return -5; /* NOT_FOUND */
    if (!strcmp(device, "GPU.0")) { *value = strdup("integrated"); return 0; }
    if (!strcmp(device, "GPU.1")) { *value = strdup("discrete"); return 0; }
    return -5;
}

int ov_get_openvino_version(ov_version_t *v) {
    v->buildNumber = strdup("2099.1.0-fake");
    v->description = strdup("fake OpenVINO Runtime");
    return 0;
}
void ov_version_free(ov_version_t *v) { free((void *) v->buildNumber); free((void *) v->description); }

const char *ov_get_last_err_msg(void) { return last_error[0] ? strdup(last_error) : NULL; }
void ov_free(const char *text) { free((void *) text); }
