/*
 * lab-run: the first process of every probe container.
 *
 *   lab-run STATUS_FILE PROGRAM [ARGS...]
 *
 * Docker only reports an exit code, and a process killed by SIGSEGV looks the
 * same as one that called exit(139). lab-run forks, runs PROGRAM, and writes
 * how it really ended (exit code or signal number), its wall time and its
 * resource usage as one JSON line to STATUS_FILE, which the runner reads after
 * the container stops. As PID 1 it also reaps orphans, so a probe that leaves
 * children behind cannot fill the process table with zombies.
 *
 * It is linked statically so one binary works in every environment, including
 * a musl image that holds no glibc and a glibc image that holds no musl.
 *
 * End marker: when the runner left a file STATUS_FILE.end, lab-run reads and
 * deletes it before the program starts (so the program cannot read it), and
 * writes its bytes to stdout and to stderr after the status file. Pipes keep
 * order, so all the program wrote comes before the marker: the Docker runner
 * ends the run there instead of waiting for the engine to report the
 * container's end, which comes 20-30 ms after the last output.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Joins words into one shell command line, each single-quoted, so the shell sees them unchanged. */
static char *quote_command(char **words) {
    size_t len = 1;
    for (char **w = words; *w; w++) len += 3 + 4 * strlen(*w);
    char *out = malloc(len), *p = out;
    if (!out) return NULL;
    for (char **w = words; *w; w++) {
        if (w != words) *p++ = ' ';
        *p++ = '\'';
        for (const char *c = *w; *c; c++) {
            if (*c == '\'') { memcpy(p, "'\\''", 4); p += 4; }
            else *p++ = *c;
        }
        *p++ = '\'';
    }
    *p = '\0';
    return out;
}

/* Reads and deletes STATUS_FILE.end; its length, or 0 when there is none. */
static size_t take_end_marker(const char *status_path, char *buf, size_t size) {
    char path[4096];
    if (snprintf(path, sizeof path, "%s.end", status_path) >= (int)sizeof path) return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    ssize_t n = read(fd, buf, size);
    close(fd);
    unlink(path);
    return n > 0 ? (size_t)n : 0;
}

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        p += w;
        n -= (size_t)w;
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: lab-run STATUS_FILE PROGRAM [ARGS...]\n");
        return 125;
    }
    const char *status_path = argv[1];
    char marker[256];
    size_t marker_len = take_end_marker(status_path, marker, sizeof marker);
    long long start = now_ns();
    pid_t child = fork();
    if (child < 0) {
        perror("lab-run: fork");
        return 125;
    }
    if (child == 0) {
        execv(argv[2], argv + 2);
        /*
         * The kernel refused the program (most often ENOENT: its ELF
         * interpreter does not exist here). Hand the same command to the
         * shell, so the reader sees what a user typing ./program would see:
         * the shell's own message and exit status.
         */
        int saved = errno;
        char *script = quote_command(argv + 2);
        if (script) execl("/bin/sh", "sh", "-c", script, (char *)NULL);
        errno = saved;
        fprintf(stderr, "lab-run: cannot execute %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }

    /* The parent only: a reader gone before the marker must not kill lab-run (the child keeps SIGPIPE). */
    signal(SIGPIPE, SIG_IGN);
    int status = 0;
    struct rusage usage;
    memset(&usage, 0, sizeof usage);
    for (;;) {
        struct rusage ru;
        pid_t done = wait4(-1, &status, 0, &ru);
        if (done == child) {
            usage = ru;
            break;
        }
        if (done < 0 && errno != EINTR) {
            perror("lab-run: wait4");
            return 125;
        }
        /* Another process ended: an orphan we inherited as PID 1. Keep waiting. */
    }
    long long wall = now_ns() - start;

    char line[512];
    int n;
    if (WIFSIGNALED(status)) {
        n = snprintf(line, sizeof line,
                     "{\"signal\":%d,\"core\":%s,\"wallNs\":%lld,\"userUs\":%lld,\"sysUs\":%lld,\"maxRssKb\":%ld}\n",
                     WTERMSIG(status), WCOREDUMP(status) ? "true" : "false", wall,
                     (long long)usage.ru_utime.tv_sec * 1000000 + usage.ru_utime.tv_usec,
                     (long long)usage.ru_stime.tv_sec * 1000000 + usage.ru_stime.tv_usec, usage.ru_maxrss);
    } else {
        n = snprintf(line, sizeof line,
                     "{\"exit\":%d,\"wallNs\":%lld,\"userUs\":%lld,\"sysUs\":%lld,\"maxRssKb\":%ld}\n",
                     WEXITSTATUS(status), wall,
                     (long long)usage.ru_utime.tv_sec * 1000000 + usage.ru_utime.tv_usec,
                     (long long)usage.ru_stime.tv_sec * 1000000 + usage.ru_stime.tv_usec, usage.ru_maxrss);
    }
    int fd = open(status_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, line, (size_t)n) != n) {
        perror("lab-run: writing status");
        return 125;
    }
    close(fd);
    if (marker_len > 0) {
        write_all(STDOUT_FILENO, marker, marker_len);
        write_all(STDERR_FILENO, marker, marker_len);
    }
    return 0;
}
