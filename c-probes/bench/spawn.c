/*
 * Process start-up: fork + exec of a tiny program, then wait for it.
 *
 *   spawn SAMPLES OPS fork|posix_spawn
 *
 * The tiny program is this same file: started with the single argument
 * "--exit", main() returns at once. So one operation is: create a process,
 * load the program (for a dynamically linked program, the dynamic loader
 * maps and links the C library first), run the C library's start-up code,
 * exit, and have the parent collect the exit status. The result is the time
 * per started-and-finished process.
 *
 * "fork" uses fork() then execv() in the child; "posix_spawn" asks the
 * library to do both in one call (which lets it avoid copying the parent's
 * page tables).
 */
#include "bench.h"
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--exit") == 0) return 0; /* the tiny program */

    const char *usage = "spawn SAMPLES OPS fork|posix_spawn";
    int samples = bench_samples(argc, argv, usage);
    long ops = argc > 2 ? atol(argv[2]) : 0;
    if (argc != 4 || ops < 1 || (strcmp(argv[3], "fork") != 0 && strcmp(argv[3], "posix_spawn") != 0)) {
        fprintf(stderr, "usage: %s\n", usage);
        return 2;
    }
    int use_fork = strcmp(argv[3], "fork") == 0;
    char *child[] = { argv[0], "--exit", NULL };
    bench_header();
    printf("# %ld processes per sample, started with %s, program %s\n", ops, argv[3], argv[0]);

    double t[BENCH_MAX_SAMPLES];
    int warm = bench_warmup(samples);
    for (int i = 0; i < warm + samples; i++) {
        double t0 = bench_now_ns();
        for (long k = 0; k < ops; k++) {
            pid_t pid;
            if (use_fork) {
                pid = fork();
                if (pid == 0) {
                    execv(argv[0], child);
                    _exit(127);
                }
            } else if (posix_spawn(&pid, argv[0], NULL, NULL, child, environ) != 0) {
                pid = -1;
            }
            int status;
            if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                fprintf(stderr, "starting %s failed\n", argv[0]);
                return 1;
            }
        }
        if (i >= warm) t[i - warm] = (bench_now_ns() - t0) / (double)ops / 1000.0;
    }
    bench_report("spawn_us", "start a process and wait for its exit", "µs", t, samples);
    return 0;
}
