/*
 * statx() is Linux's extended stat (birth time, mount id). glibc has had
 * a wrapper since 2.28; musl added one in 1.2.5. Before that, a program
 * using it does not build on musl (no declaration, no symbol), although
 * the kernel has the system call.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

int main(void) {
    struct statx stx;
    int rc = statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS, &stx);
    printf("statx(\"/\") = %d, is a directory: %s\n", rc, rc == 0 && S_ISDIR(stx.stx_mode) ? "yes" : "no");
    return rc != 0;
}
