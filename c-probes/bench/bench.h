/*
 * bench.h: the measuring method every benchmark probe on the benchmarks page shares.
 *
 *   - warm-up: a few batches run first and are thrown away (caches, page
 *     faults, lazy binding and the allocator's first growth happen there);
 *   - samples: then N timed batches (N from the command line), each long
 *     enough (about a millisecond or more) that the clock's resolution and the
 *     cost of reading it do not matter;
 *   - summary: the median of the samples, with the quartiles (p25, p75) and
 *     the extremes (min, max), so a reader sees the spread, not one number.
 *
 * Each summary is printed twice: machine-readable lines "metric_median=12.3",
 * "metric_p25=...", "metric_p75=...", "metric_min=...", "metric_max=...",
 * "metric_samples=N" that the page's charts read, and one line for people.
 * Nothing here depends on the C library being measured except the clock
 * (clock_gettime with CLOCK_MONOTONIC, read outside the timed work's loop).
 */
#ifndef BENCH_H
#define BENCH_H

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BENCH_MAX_SAMPLES 1000

/* Nanoseconds from a monotonic clock. */
static inline double bench_now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* Keeps the compiler from deleting work whose result is otherwise unused. */
static volatile unsigned long bench_sink __attribute__((unused));

/* A small deterministic random generator (xorshift64*): the same sequence on both libraries. */
static inline unsigned long long bench_rand(unsigned long long *state) {
    unsigned long long x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 2685821657736338717ULL;
}

typedef struct {
    double median, p25, p75, min, max;
    int n;
} bench_stats;

/* Quantile q (0..1) of sorted values, interpolating between neighbours. */
static inline double bench_quantile(const double *sorted, int n, double q) {
    double pos = q * (n - 1);
    int lo = (int)pos;
    if (lo >= n - 1) return sorted[n - 1];
    return sorted[lo] + (pos - lo) * (sorted[lo + 1] - sorted[lo]);
}

/* Sorts a copy (insertion sort: the library's qsort is one of the things measured). */
static inline bench_stats bench_summarise(const double *samples, int n) {
    double s[BENCH_MAX_SAMPLES];
    for (int i = 0; i < n; i++) {
        double v = samples[i];
        int j = i;
        while (j > 0 && s[j - 1] > v) {
            s[j] = s[j - 1];
            j--;
        }
        s[j] = v;
    }
    bench_stats st = { bench_quantile(s, n, 0.5), bench_quantile(s, n, 0.25), bench_quantile(s, n, 0.75), s[0], s[n - 1], n };
    return st;
}

/* About three significant digits, never in exponent form (the page reads plain decimals). */
static inline void bench_fmt(char *out, size_t size, double v) {
    double a = v < 0 ? -v : v;
    const char *f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : a >= 0.1 ? "%.3f" : "%.4f";
    snprintf(out, size, f, v);
}

/* Prints one metric: the machine-readable lines, then a line for people. */
static inline void bench_report(const char *metric, const char *what, const char *unit, const double *samples, int n) {
    bench_stats st = bench_summarise(samples, n);
    char med[32], p25[32], p75[32], mn[32], mx[32];
    bench_fmt(med, sizeof med, st.median);
    bench_fmt(p25, sizeof p25, st.p25);
    bench_fmt(p75, sizeof p75, st.p75);
    bench_fmt(mn, sizeof mn, st.min);
    bench_fmt(mx, sizeof mx, st.max);
    printf("%s_median=%s\n%s_p25=%s\n%s_p75=%s\n%s_min=%s\n%s_max=%s\n%s_samples=%d\n",
           metric, med, metric, p25, metric, p75, metric, mn, metric, mx, metric, st.n);
    printf("# %s: median %s %s (middle half %s to %s, all samples %s to %s; %d samples)\n",
           what, med, unit, p25, p75, mn, mx, st.n);
}

/* Parses the sample count (argv[1]); warm-up is a fifth of it, at least 2 batches. */
static inline int bench_samples(int argc, char **argv, const char *usage) {
    int n = argc > 1 ? atoi(argv[1]) : 0;
    if (n < 3 || n > BENCH_MAX_SAMPLES) {
        fprintf(stderr, "usage: %s\n(SAMPLES between 3 and %d)\n", usage, BENCH_MAX_SAMPLES);
        exit(2);
    }
    return n;
}

static inline int bench_warmup(int samples) {
    return samples / 5 < 2 ? 2 : samples / 5;
}

/*
 * Where the program ran: online CPUs as the C library reports them, and the
 * container's CPU quota (cgroup v2 cpu.max, or v1 cpu.cfs_quota_us), which
 * limits how much of those CPUs it may use.
 */
static inline double bench_cpu_quota(void) {
    char quota[32] = "";
    long period = 0;
    FILE *f = fopen("/sys/fs/cgroup/cpu.max", "r");
    if (f) {
        int ok = fscanf(f, "%31s %ld", quota, &period) == 2;
        fclose(f);
        return ok && period > 0 && strcmp(quota, "max") != 0 ? atof(quota) / (double)period : -1;
    }
    FILE *q = fopen("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "r"), *p = fopen("/sys/fs/cgroup/cpu/cpu.cfs_period_us", "r");
    double result = -1;
    if (q && p && fscanf(q, "%31s", quota) == 1 && fscanf(p, "%ld", &period) == 1 && period > 0 && atof(quota) > 0)
        result = atof(quota) / (double)period;
    if (q) fclose(q);
    if (p) fclose(p);
    return result;
}

static inline void bench_header(void) {
    printf("nproc=%ld\n", sysconf(_SC_NPROCESSORS_ONLN));
    double quota = bench_cpu_quota();
    if (quota > 0) printf("cpu_quota=%.2f\n", quota);
    fflush(stdout);
}

#endif
