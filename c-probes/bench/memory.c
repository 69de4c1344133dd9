/*
 * Resident memory: an idle process, and each extra thread.
 *
 *   memory SAMPLES THREADS idle|malloc
 *
 * The program starts itself SAMPLES times as a fresh process (fork + exec),
 * and each of those reads its own /proc/self/status:
 *   - right at the start of main(): the idle process. VmRSS is its resident
 *     memory; RssAnon the private part (stack, heap, library data), RssFile
 *     the pages of files (program and libraries) it has touched, which other
 *     processes using the same library share;
 *   - again after starting THREADS threads that stay alive (waiting on a
 *     barrier): the growth divided by THREADS is the cost of one thread, in
 *     resident memory (VmRSS) and in reserved address space (VmSize).
 * With "malloc" each thread allocates and frees 64 bytes once before it
 * waits, as any thread that does real work would.
 * The parent prints the median and spread over the SAMPLES processes.
 */
#include "bench.h"
#include <pthread.h>
#include <sys/wait.h>

static pthread_barrier_t ready, release;
static int use_malloc;

/* One field of /proc/self/status, in KiB. */
static long status_kib(const char *field) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long value = -1;
    size_t len = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, len) == 0 && line[len] == ':') value = atol(line + len + 1);
    if (f) fclose(f);
    return value;
}

static void *idle_thread(void *unused) {
    (void)unused;
    if (use_malloc) {
        char *p = malloc(64);
        p[0] = 1;
        bench_sink += (unsigned char)p[0];
        free(p);
    }
    pthread_barrier_wait(&ready);   /* "I am running" */
    pthread_barrier_wait(&release); /* stay alive until measured */
    return NULL;
}

/* The measured child: prints "rss anon file vsz rss_after vsz_after" on one line. */
static int child(int threads) {
    long rss = status_kib("VmRSS"), anon = status_kib("RssAnon"), file = status_kib("RssFile"), vsz = status_kib("VmSize");
    pthread_t t[256];
    pthread_barrier_init(&ready, NULL, (unsigned)threads + 1);
    pthread_barrier_init(&release, NULL, (unsigned)threads + 1);
    for (int i = 0; i < threads; i++)
        if (pthread_create(&t[i], NULL, idle_thread, NULL) != 0) {
            perror("pthread_create");
            return 1;
        }
    pthread_barrier_wait(&ready);
    long rss2 = status_kib("VmRSS"), vsz2 = status_kib("VmSize");
    pthread_barrier_wait(&release);
    for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
    printf("%ld %ld %ld %ld %ld %ld\n", rss, anon, file, vsz, rss2, vsz2);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "--child") == 0) {
        use_malloc = strcmp(argv[3], "malloc") == 0;
        return child(atoi(argv[2]));
    }
    const char *usage = "memory SAMPLES THREADS idle|malloc";
    int samples = bench_samples(argc, argv, usage);
    int threads = argc > 2 ? atoi(argv[2]) : 0;
    if (argc != 4 || threads < 1 || threads > 256 || (strcmp(argv[3], "idle") != 0 && strcmp(argv[3], "malloc") != 0)) {
        fprintf(stderr, "usage: %s\n", usage);
        return 2;
    }
    bench_header();
    printf("# %d fresh processes, each starting %d threads (%s)\n", samples, threads, argv[3]);
    fflush(stdout);

    double rss[BENCH_MAX_SAMPLES], anon[BENCH_MAX_SAMPLES], file[BENCH_MAX_SAMPLES], trss[BENCH_MAX_SAMPLES], tvsz[BENCH_MAX_SAMPLES];
    for (int i = 0; i < samples; i++) {
        int fd[2];
        if (pipe(fd) != 0) return 1;
        pid_t pid = fork();
        if (pid == 0) {
            dup2(fd[1], 1);
            close(fd[0]);
            execv(argv[0], (char *[]){ argv[0], "--child", argv[2], argv[3], NULL });
            _exit(127);
        }
        close(fd[1]);
        char line[256] = "";
        FILE *in = fdopen(fd[0], "r");
        if (!fgets(line, sizeof line, in)) line[0] = '\0';
        fclose(in);
        int status;
        waitpid(pid, &status, 0);
        long v[6];
        if (sscanf(line, "%ld %ld %ld %ld %ld %ld", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) != 6) {
            fprintf(stderr, "child %d printed: %s\n", i, line);
            return 1;
        }
        rss[i] = v[0];
        anon[i] = v[1];
        file[i] = v[2];
        trss[i] = (double)(v[4] - v[0]) / threads;
        tvsz[i] = (double)(v[5] - v[3]) / threads;
    }
    bench_report("rss_idle_kib", "idle process, resident (VmRSS)", "KiB", rss, samples);
    bench_report("rss_anon_idle_kib", "idle process, private resident (RssAnon)", "KiB", anon, samples);
    bench_report("rss_file_idle_kib", "idle process, file pages resident (RssFile)", "KiB", file, samples);
    bench_report("rss_per_thread_kib", "each extra thread, resident (VmRSS growth / threads)", "KiB", trss, samples);
    bench_report("vsz_per_thread_kib", "each extra thread, address space (VmSize growth / threads)", "KiB", tvsz, samples);
    return 0;
}
