/*
 * qsort: sorting an array of ints with the C library's qsort.
 *
 *   qsort SAMPLES COUNT random|sorted
 *
 * Each sample sorts a fresh copy of the same COUNT ints (copying is not
 * timed), comparing them through a function pointer as every qsort caller
 * does. "random" is a fixed pseudo-random order; "sorted" is already in
 * order, which some algorithms notice and some do not. The result is
 * nanoseconds per element (the time of one sort divided by COUNT).
 */
#include "bench.h"

static int compare(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    const char *usage = "qsort SAMPLES COUNT random|sorted";
    int samples = bench_samples(argc, argv, usage);
    long count = argc > 2 ? atol(argv[2]) : 0;
    if (argc != 4 || count < 2 || (strcmp(argv[3], "random") != 0 && strcmp(argv[3], "sorted") != 0)) {
        fprintf(stderr, "usage: %s\n", usage);
        return 2;
    }
    int *input = malloc((size_t)count * sizeof *input), *work = malloc((size_t)count * sizeof *work);
    unsigned long long rng = 12345;
    for (long i = 0; i < count; i++) input[i] = strcmp(argv[3], "sorted") == 0 ? (int)i : (int)(bench_rand(&rng) >> 33);
    bench_header();
    printf("# %ld ints, %s order\n", count, argv[3]);

    double t[BENCH_MAX_SAMPLES];
    int warm = bench_warmup(samples);
    for (int i = 0; i < warm + samples; i++) {
        memcpy(work, input, (size_t)count * sizeof *work);
        double t0 = bench_now_ns();
        qsort(work, (size_t)count, sizeof *work, compare);
        double ns = bench_now_ns() - t0;
        for (long k = 1; k < count; k++)
            if (work[k - 1] > work[k]) {
                fprintf(stderr, "not sorted at %ld\n", k);
                return 1;
            }
        if (i >= warm) t[i - warm] = ns / (double)count;
    }
    bench_report("qsort_ns", "sort, per element", "ns", t, samples);
    return 0;
}
