/*
 * The reference the suite's CPU read bandwidth (ReadBandwidthBenchmark) is checked against: T threads
 * each read a disjoint slice of one buffer far larger than the caches, with the widest loads the
 * compiler has (-O3 -march=native: AVX-512 where present), several passes, GB/s (1e9 bytes) of the best
 * and of the median pass. Not part of the Maven build: benchmarks/src/bench/read-bandwidth-vs-c.sh
 * compiles it into a temp folder and runs it beside `run-bench characterise`.
 *
 * usage: read_loop THREADS [MIB=1024] [PASSES=20]
 */
#define _GNU_SOURCE
#include <immintrin.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

typedef struct {
    const uint64_t *p;
    size_t n;
    pthread_barrier_t *start, *end;
    int passes;
    volatile uint64_t sink;
} slice_t;

static uint64_t sum(const uint64_t *p, size_t n) {
#if defined(__AVX512F__)
    __m512i a0 = _mm512_setzero_si512(), a1 = a0, a2 = a0, a3 = a0;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        a0 = _mm512_add_epi64(a0, _mm512_load_si512((const void *)(p + i)));
        a1 = _mm512_add_epi64(a1, _mm512_load_si512((const void *)(p + i + 8)));
        a2 = _mm512_add_epi64(a2, _mm512_load_si512((const void *)(p + i + 16)));
        a3 = _mm512_add_epi64(a3, _mm512_load_si512((const void *)(p + i + 24)));
    }
    uint64_t s = _mm512_reduce_add_epi64(_mm512_add_epi64(_mm512_add_epi64(a0, a1), _mm512_add_epi64(a2, a3)));
    for (; i < n; i++) s += p[i];
    return s;
#else
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) { s0 += p[i]; s1 += p[i + 1]; s2 += p[i + 2]; s3 += p[i + 3]; }
    for (; i < n; i++) s0 += p[i];
    return s0 + s1 + s2 + s3;
#endif
}

static void *reader(void *arg) {
    slice_t *s = arg;
    memset((void *)s->p, 1, s->n * 8); /* first touch by the reader: its pages, its node */
    for (int k = 0; k < s->passes; k++) {
        pthread_barrier_wait(s->start);
        s->sink += sum(s->p, s->n);
        pthread_barrier_wait(s->end);
    }
    return NULL;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 1;
    size_t mib = argc > 2 ? strtoull(argv[2], NULL, 10) : 1024;
    int passes = argc > 3 ? atoi(argv[3]) : 20;
    size_t bytes = mib << 20, per = bytes / threads / 64 * 64;
    /* on 2 MiB pages where the kernel gives them (THP "madvise" or "always"), as the suite's forks ask the JVM:
       on 4 KiB pages the prefetcher stops at every page (17.5 against 28.7 GB/s with 1 thread here) */
    uint64_t *buf = aligned_alloc(2u << 20, (bytes + (2u << 20) - 1) / (2u << 20) * (2u << 20));
    madvise(buf, bytes, MADV_HUGEPAGE);
    pthread_barrier_t start, end;
    pthread_barrier_init(&start, NULL, threads + 1);
    pthread_barrier_init(&end, NULL, threads + 1);
    pthread_t t[threads];
    slice_t s[threads];
    for (int i = 0; i < threads; i++) {
        s[i] = (slice_t){buf + i * (per / 8), per / 8, &start, &end, passes, 0};
        pthread_create(&t[i], NULL, reader, &s[i]);
    }
    double gbs[passes];
    for (int k = 0; k < passes; k++) {
        /* the clock starts before the readers are released: a main thread preempted after the release
           would otherwise miss part of the pass on a busy machine */
        double t0 = now();
        pthread_barrier_wait(&start);
        pthread_barrier_wait(&end);
        gbs[k] = per * (double)threads / (now() - t0) / 1e9;
    }
    for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
    qsort(gbs, passes, sizeof gbs[0], cmp);
    printf("c read loop: threads=%d buffer=%zu MiB passes=%d best=%.1f GB/s median=%.1f GB/s\n", threads, mib, passes,
           gbs[passes - 1], gbs[passes / 2]);
    return 0;
}
