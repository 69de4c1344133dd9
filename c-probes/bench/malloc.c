/*
 * malloc/free churn: how long does one malloc+free pair take?
 *
 *   malloc SAMPLES MIN_BYTES MAX_BYTES THREADS OPS
 *
 * Each thread keeps 256 live blocks. One operation frees a randomly chosen
 * block and allocates a new one of a random size between MIN_BYTES and
 * MAX_BYTES, then writes to its first byte, the way a program that builds and
 * drops objects uses its allocator. Sizes and choices come from a fixed
 * random sequence, the same on both C libraries.
 *
 * With THREADS=1 the work runs in main() and the process never creates a
 * thread (some allocators skip their locks in a single-threaded process).
 * With more, every thread does OPS operations per sample at the same time,
 * and the result is the wall time of the sample divided by OPS: the time per
 * malloc+free pair as each thread sees it. If the threads did not slow each
 * other down, it would equal the single-thread number (as long as there are
 * at least as many CPUs as threads).
 */
#include "bench.h"
#include <pthread.h>

#define SLOTS 256

struct worker {
    pthread_t thread;
    void *slot[SLOTS];
    unsigned long long rng;
};

static size_t min_bytes, max_bytes;
static long ops;
static pthread_barrier_t start, stop;
static int running = 1;

/* One batch of OPS free+malloc pairs on this worker's own blocks. */
static void churn(struct worker *w) {
    size_t span = max_bytes - min_bytes + 1;
    for (long i = 0; i < ops; i++) {
        unsigned long long r = bench_rand(&w->rng);
        unsigned idx = (unsigned)(r % SLOTS);
        size_t size = min_bytes + (size_t)((r >> 16) % span);
        free(w->slot[idx]);
        char *p = malloc(size);
        if (!p) {
            perror("malloc");
            exit(1);
        }
        p[0] = (char)i;
        w->slot[idx] = p;
    }
}

static void fill(struct worker *w, unsigned seed) {
    w->rng = 0x9E3779B97F4A7C15ULL ^ seed;
    for (int i = 0; i < SLOTS; i++) {
        w->slot[i] = malloc(min_bytes);
        ((char *)w->slot[i])[0] = 0;
    }
}

static void *worker_main(void *arg) {
    struct worker *w = arg;
    fill(w, (unsigned)w->rng + 1); /* rng holds the thread's index until here */
    for (;;) {
        pthread_barrier_wait(&start);
        if (!__atomic_load_n(&running, __ATOMIC_ACQUIRE)) break;
        churn(w);
        pthread_barrier_wait(&stop);
    }
    for (int i = 0; i < SLOTS; i++) free(w->slot[i]);
    return NULL;
}

int main(int argc, char **argv) {
    const char *usage = "malloc SAMPLES MIN_BYTES MAX_BYTES THREADS OPS";
    int samples = bench_samples(argc, argv, usage);
    if (argc != 6) {
        fprintf(stderr, "usage: %s\n", usage);
        return 2;
    }
    min_bytes = strtoul(argv[2], NULL, 10);
    max_bytes = strtoul(argv[3], NULL, 10);
    int threads = atoi(argv[4]);
    ops = atol(argv[5]);
    if (min_bytes < 1 || max_bytes < min_bytes || threads < 1 || threads > 64 || ops < 1) {
        fprintf(stderr, "usage: %s\n", usage);
        return 2;
    }
    bench_header();
    printf("# %d thread(s), blocks of %zu to %zu bytes, %ld operations per thread per sample\n",
           threads, min_bytes, max_bytes, ops);

    int warm = bench_warmup(samples);
    double t[BENCH_MAX_SAMPLES];

    if (threads == 1) {
        static struct worker w;
        fill(&w, 0);
        for (int i = 0; i < warm; i++) churn(&w);
        for (int i = 0; i < samples; i++) {
            double t0 = bench_now_ns();
            churn(&w);
            t[i] = (bench_now_ns() - t0) / (double)ops;
        }
    } else {
        struct worker *w = calloc((size_t)threads, sizeof *w);
        pthread_barrier_init(&start, NULL, (unsigned)threads + 1);
        pthread_barrier_init(&stop, NULL, (unsigned)threads + 1);
        for (int k = 0; k < threads; k++) {
            w[k].rng = (unsigned long long)k;
            if (pthread_create(&w[k].thread, NULL, worker_main, &w[k]) != 0) {
                perror("pthread_create");
                return 1;
            }
        }
        for (int i = 0; i < warm + samples; i++) {
            double t0 = bench_now_ns();
            pthread_barrier_wait(&start); /* all threads start together */
            pthread_barrier_wait(&stop);  /* ... and the sample ends when the last one is done */
            if (i >= warm) t[i - warm] = (bench_now_ns() - t0) / (double)ops;
        }
        __atomic_store_n(&running, 0, __ATOMIC_RELEASE);
        pthread_barrier_wait(&start);
        for (int k = 0; k < threads; k++) pthread_join(w[k].thread, NULL);
    }
    bench_report("malloc_ns", "one malloc+free pair, per thread", "ns", t, samples);
    return 0;
}
