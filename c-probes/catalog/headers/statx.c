/*
 * statx(2) is Linux's extended stat (birth time, mount id, ...). A C library
 * may or may not offer a function for it; programs that call it directly
 * fail to compile (implicit declarations are errors here) where it does not.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

int main(void) {
    struct statx stx;
    int r = statx(AT_FDCWD, "/", 0, STATX_TYPE | STATX_MODE, &stx);
    printf("statx returned %d, directory=%s\n", r, r == 0 && S_ISDIR(stx.stx_mode) ? "yes" : "no");
    return r == 0 ? 0 : 1;
}
