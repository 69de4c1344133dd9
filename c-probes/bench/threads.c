/*
 * Thread create + join: what does a short-lived thread cost?
 *
 *   threads SAMPLES OPS [STACK_KIB]
 *
 * A sample creates OPS threads one after the other; each does nothing and
 * ends, and the main thread joins it before creating the next. The result is
 * the time per pthread_create + pthread_join pair. With STACK_KIB the threads
 * get a stack of that size (pthread_attr_setstacksize); without it, the
 * library's default (see the thread stack lesson: 8 MiB on glibc under the
 * usual ulimit, about 128 KiB on musl).
 */
#include "bench.h"
#include <pthread.h>

static void *nothing(void *arg) {
    return arg;
}

int main(int argc, char **argv) {
    const char *usage = "threads SAMPLES OPS [STACK_KIB]";
    int samples = bench_samples(argc, argv, usage);
    long ops = argc > 2 ? atol(argv[2]) : 0;
    if (argc < 3 || argc > 4 || ops < 1) {
        fprintf(stderr, "usage: %s\n", usage);
        return 2;
    }
    pthread_attr_t attr, *use = NULL;
    if (argc == 4) {
        pthread_attr_init(&attr);
        if (pthread_attr_setstacksize(&attr, strtoul(argv[3], NULL, 10) * 1024) != 0) {
            fprintf(stderr, "pthread_attr_setstacksize failed\n");
            return 1;
        }
        use = &attr;
    }
    bench_header();
    printf("# %ld threads created and joined per sample, stack: %s%s\n", ops, argc == 4 ? argv[3] : "the default", argc == 4 ? " KiB" : "");

    double t[BENCH_MAX_SAMPLES];
    for (int i = 0; i < bench_warmup(samples) + samples; i++) {
        double t0 = bench_now_ns();
        for (long k = 0; k < ops; k++) {
            pthread_t th;
            if (pthread_create(&th, use, nothing, NULL) != 0) {
                perror("pthread_create");
                return 1;
            }
            pthread_join(th, NULL);
        }
        if (i >= bench_warmup(samples)) t[i - bench_warmup(samples)] = (bench_now_ns() - t0) / (double)ops / 1000.0;
    }
    bench_report("thread_us", "one pthread_create + pthread_join", "µs", t, samples);
    return 0;
}
