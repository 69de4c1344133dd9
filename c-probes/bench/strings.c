/*
 * memcpy, strlen and memchr: how fast does each C library go through memory?
 *
 *   strings SAMPLES BYTES
 *
 * Each function works on a buffer of BYTES bytes, over and over:
 *   memcpy  copies BYTES bytes from one buffer to another;
 *   strlen  measures a string of BYTES-1 letters;
 *   memchr  looks for a byte that only the last position holds.
 * Both buffers are 64-byte aligned. A sample repeats the call until about
 * 16 MiB have gone through, and reports nanoseconds per call and bytes per
 * nanosecond (= GB/s).
 *
 * Compiled with -fno-builtin: otherwise gcc may replace these calls with its
 * own inline code, and the program would measure the compiler, not the
 * library. The results feed a volatile variable so no call can be dropped.
 */
#include "bench.h"

static char *src, *dst;
static size_t bytes;

static void run_memcpy(long calls) {
    for (long i = 0; i < calls; i++) {
        memcpy(dst, src, bytes);
        bench_sink += (unsigned char)dst[0];
    }
}

static void run_strlen(long calls) {
    for (long i = 0; i < calls; i++) bench_sink += strlen(src);
}

static void run_memchr(long calls) {
    for (long i = 0; i < calls; i++) bench_sink += (unsigned long)(const char *)memchr(src, 'Z', bytes);
}

static void measure(const char *name, void (*run)(long), int samples) {
    long calls = (long)((16u << 20) / bytes);
    if (calls < 1) calls = 1;
    double ns[BENCH_MAX_SAMPLES], gbps[BENCH_MAX_SAMPLES];
    for (int i = 0; i < bench_warmup(samples); i++) run(calls);
    for (int i = 0; i < samples; i++) {
        double t0 = bench_now_ns();
        run(calls);
        double per_call = (bench_now_ns() - t0) / (double)calls;
        ns[i] = per_call;
        gbps[i] = (double)bytes / per_call;
    }
    char metric[64], what[96];
    snprintf(metric, sizeof metric, "%s_ns", name);
    snprintf(what, sizeof what, "%s of %zu bytes, time per call", name, bytes);
    bench_report(metric, what, "ns", ns, samples);
    snprintf(metric, sizeof metric, "%s_gbps", name);
    snprintf(what, sizeof what, "%s of %zu bytes, throughput", name, bytes);
    bench_report(metric, what, "GB/s", gbps, samples);
}

int main(int argc, char **argv) {
    const char *usage = "strings SAMPLES BYTES";
    int samples = bench_samples(argc, argv, usage);
    if (argc != 3 || (bytes = strtoul(argv[2], NULL, 10)) < 2) {
        fprintf(stderr, "usage: %s\n", usage);
        return 2;
    }
    if (posix_memalign((void **)&src, 64, bytes) || posix_memalign((void **)&dst, 64, bytes)) {
        perror("posix_memalign");
        return 1;
    }
    memset(src, 'a', bytes - 1);
    src[bytes - 2] = 'Z'; /* what memchr looks for: the last letter */
    src[bytes - 1] = '\0';
    memset(dst, 0, bytes);
    bench_header();
    printf("# buffers of %zu bytes\n", bytes);
    measure("memcpy", run_memcpy, samples);
    measure("strlen", run_strlen, samples);
    measure("memchr", run_memchr, samples);
    return 0;
}
