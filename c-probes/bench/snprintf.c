/*
 * snprintf: formatting numbers and text into a buffer.
 *
 *   snprintf SAMPLES OPS
 *
 * Three formats, each with values that change on every call:
 *   int     "%d"                an integer;
 *   double  "%.3f"              a floating-point number with 3 decimals;
 *   mixed   "%s=%d (0x%x) %.2f" a short log line.
 * The result is nanoseconds per snprintf call. Compiled with -fno-builtin so
 * that gcc does not turn simple formats into other calls.
 */
#include "bench.h"

static char buffer[128];

static void run_int(long ops) {
    for (long i = 0; i < ops; i++) bench_sink += (unsigned long)snprintf(buffer, sizeof buffer, "%d", (int)(i * 7919 - 500000));
}

static void run_double(long ops) {
    for (long i = 0; i < ops; i++) bench_sink += (unsigned long)snprintf(buffer, sizeof buffer, "%.3f", (double)i * 1.37 - 2000.5);
}

static void run_mixed(long ops) {
    for (long i = 0; i < ops; i++)
        bench_sink += (unsigned long)snprintf(buffer, sizeof buffer, "%s=%d (0x%x) %.2f", "requests", (int)i, (unsigned)i * 2654435761u, (double)i / 3.0);
}

static void measure(const char *metric, const char *what, void (*run)(long), long ops, int samples) {
    double t[BENCH_MAX_SAMPLES];
    for (int i = 0; i < bench_warmup(samples); i++) run(ops);
    for (int i = 0; i < samples; i++) {
        double t0 = bench_now_ns();
        run(ops);
        t[i] = (bench_now_ns() - t0) / (double)ops;
    }
    bench_report(metric, what, "ns", t, samples);
}

int main(int argc, char **argv) {
    const char *usage = "snprintf SAMPLES OPS";
    int samples = bench_samples(argc, argv, usage);
    long ops = argc > 2 ? atol(argv[2]) : 0;
    if (argc != 3 || ops < 1) {
        fprintf(stderr, "usage: %s\n", usage);
        return 2;
    }
    bench_header();
    printf("# %ld calls per sample\n", ops);
    measure("snprintf_int_ns", "snprintf \"%d\"", run_int, ops, samples);
    measure("snprintf_double_ns", "snprintf \"%.3f\"", run_double, ops, samples);
    measure("snprintf_mixed_ns", "snprintf \"%s=%d (0x%x) %.2f\"", run_mixed, ops, samples);
    return 0;
}
